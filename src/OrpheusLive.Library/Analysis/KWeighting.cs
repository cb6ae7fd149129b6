namespace OrpheusLive.Library.Analysis;

/// <summary>
/// The K-weighting of ITU-R BS.1770-4 at any sample rate: the "pre-filter" high shelf (+4 dB above ~1.7 kHz, modelling
/// the head) and the RLB high-pass (~38 Hz), as two double-precision biquads designed from the analog prototype's
/// parameters the way libebur128 does (the recommendation only tabulates 48 kHz coefficients). Kept as own code over
/// NWaves's RBJ-cookbook shelf: that is a different filter shape, and single precision at 38 Hz / 22 kHz loses accuracy.
/// </summary>
internal sealed class KWeighting
{
    private readonly Biquad _shelf;
    private readonly Biquad _highPass;

    /// <summary>Designs the filters for <paramref name="sampleRate"/>.</summary>
    public KWeighting(int sampleRate)
    {
        {
            const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
            var k = Math.Tan(Math.PI * f0 / sampleRate);
            var vh = Math.Pow(10, gainDb / 20);
            var vb = Math.Pow(vh, 0.4996667741545416);
            var a0 = 1 + k / q + k * k;
            _shelf = new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }
        {
            const double f0 = 38.13547087602444, q = 0.5003270373238773;
            var k = Math.Tan(Math.PI * f0 / sampleRate);
            var a0 = 1 + k / q + k * k;
            _highPass = new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }
    }

    /// <summary>Filters one sample.</summary>
    public double Process(double x) => _highPass.Process(_shelf.Process(x));

    private sealed class Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        private double _z1;
        private double _z2;

        public double Process(double x)
        {
            var y = b0 * x + _z1;
            _z1 = b1 * x - a1 * y + _z2;
            _z2 = b2 * x - a2 * y;
            return y;
        }
    }
}
