using System.Globalization;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// Personal calibration of the emotion model's output: a gated, shrunk running mean of the centred log-probabilities
/// (the voice's bias) is subtracted, plus an optional per-emotion bias from enrolment. Chosen by measurement on the
/// validation speakers (<c>training/results/calibration.md</c>; <c>training/calibration.py</c>'s <c>GatedMean</c> is
/// the same computation and the tests check parity against it).
/// </summary>
/// <remarks>
/// <para>Per window, l = log(max(p, floor)) centred over labels. Running statistics with forgetting over
/// <see cref="CalibrationOptions.MemoryWindows"/>: weight n, mean m of l (each window's step clamped to
/// ±<see cref="CalibrationOptions.StepClampNats"/>), mean posterior p̄ and mean entropy h̄ of softmax(l).
/// The gate g = clip((H(p̄) − h̄ − low) / (high − low), 0, 1) is the mutual information between window and emotion:
/// near 0 when every window says the same thing (a single-emotion session, which must not be normalised away),
/// large when the windows confidently disagree (several emotions: their mean is then mostly the voice).
/// The bias is b = g · n / (n + <see cref="CalibrationOptions.PriorWindows"/>) · m; the output is softmax(l − b + d)
/// with d the enrolment's per-emotion bias.</para>
/// <para>Why not the textbook alternatives (measured): plain running-mean subtraction turns a single-emotion session
/// into another emotion (−35 points); EM re-estimation of the class prior (Saerens et al.) latches onto early
/// mistakes (−16 points on mixed sessions); a joint offset + prior EM over class templates cannot tell the classes
/// apart in the output space and loses on every order.</para>
/// <para>Bounds: one window moves m by at most clamp · w / n per label and b by at most clamp · w / (n + prior);
/// the first window of a session cannot move b by more than clamp · w / (w + prior).</para>
/// </remarks>
public sealed class SpeakerAdaptation : ISpeakerAdaptation
{
    private readonly string[] _labels;
    private readonly string _model;
    private readonly int _k;
    private readonly double _memory, _prior, _gateLow, _gateHigh, _clamp, _floor, _strength;
    private readonly int _minEmotions;
    private readonly double[] _l, _p, _m, _pm, _b, _d;
    private double _n, _hm;
    private int _enrolled;

    /// <summary>Creates an adaptation that knows nothing yet.</summary>
    /// <param name="options">Rates, gate and floors (validated here).</param>
    /// <param name="labels">The model's labels, in output order (at least 2).</param>
    /// <param name="model">The model's identity (name and version), stored in profiles so another model's are rejected.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting) or there are fewer than 2 labels.</exception>
    public SpeakerAdaptation(CalibrationOptions options, IReadOnlyList<string> labels, string model)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        var error = options.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        if (labels.Count < 2)
        {
            throw new ArgumentException("Calibration needs a model with at least 2 labels.", nameof(labels));
        }

        _labels = [.. labels];
        _model = model;
        _k = _labels.Length;
        (_memory, _prior, _gateLow, _gateHigh, _clamp, _floor, _strength, _minEmotions) = (options.MemoryWindows, options.PriorWindows,
            options.GateLow, options.GateHigh, options.StepClampNats, options.ProbabilityFloor, options.EnrolmentStrength, options.MinEnrolmentEmotions);
        _l = new double[_k];
        _p = new double[_k];
        _m = new double[_k];
        _pm = new double[_k];
        _b = new double[_k];
        _d = new double[_k];
        Reset();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc />
    public double Gate
    {
        get
        {
            double h = 0;
            foreach (var q in _pm)
            {
                var c = Math.Max(q, 1e-12);
                h -= c * Math.Log(c);
            }

            return Math.Clamp((h - _hm - _gateLow) / (_gateHigh - _gateLow), 0, 1);
        }
    }

    /// <summary>The correction currently subtracted from the centred log-probabilities (nats, model order).</summary>
    public ReadOnlySpan<double> Bias => _b;

    /// <summary>The enrolment's per-emotion bias added to the log-probabilities (nats, model order).</summary>
    public ReadOnlySpan<double> ClassBias => _d;

    /// <summary>How much speech the running statistics hold, in windows.</summary>
    public double Weight => _n;

    /// <summary>How much of the learnt mean is subtracted now (0..1): <see cref="Gate"/> · n / (n + prior).</summary>
    public double Strength => _n > 0 ? Gate * _n / (_n + _prior) : 0;

    /// <summary>How many labelled clips the enrolment used (0 = not enrolled).</summary>
    public int EnrolledClips => _enrolled;

    /// <inheritdoc />
    public SpeakerProfile Profile => new(SpeakerProfile.CurrentVersion, _model, [.. _labels], _n, [.. _m], [.. _pm], _hm, [.. _d], _enrolled);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A span's length is not the number of labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not in (0, 1].</exception>
    public void Adapt(ReadOnlySpan<float> probabilities, Span<float> adapted, double weight)
    {
        if (probabilities.Length != _k || adapted.Length != _k)
        {
            throw new ArgumentException($"Calibration expects {_k} probabilities in and out (got {probabilities.Length} and {adapted.Length}).");
        }

        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A window's weight must be above 0 and at most 1.");
        }

        if (!CenteredLog(probabilities, _l))
        {
            // Not a probability vector (NaN, infinite or negative): pass it on untouched and learn nothing from it.
            probabilities.CopyTo(adapted);
            return;
        }

        for (var i = 0; i < _k; i++)
        {
            _p[i] = _l[i] - _b[i] + _d[i];
        }

        Softmax(_p);
        for (var i = 0; i < _k; i++)
        {
            adapted[i] = (float)_p[i];
        }

        Learn(_l, weight);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A clip's label is not one of the model's, or a window has the wrong length.</exception>
    public EnrolmentResult Enrol(IReadOnlyList<LabelledClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var targets = new int[clips.Count];
        var logs = new List<(double[] Log, int Target, double Weight)>();
        for (var c = 0; c < clips.Count; c++)
        {
            var clip = clips[c];
            targets[c] = Array.FindIndex(_labels, l => string.Equals(l, clip.Label, StringComparison.OrdinalIgnoreCase));
            if (targets[c] < 0)
            {
                throw new ArgumentException($"Enrolment clip {c + 1} has label '{clip.Label}'; the model's labels are {string.Join(", ", _labels)}.", nameof(clips));
            }

            foreach (var window in clip.Windows)
            {
                if (window.Length != _k)
                {
                    throw new ArgumentException($"Enrolment clip {c + 1} has a window with {window.Length} probabilities; the model has {_k} labels.", nameof(clips));
                }

                var l = new double[_k];
                if (CenteredLog(window, l))
                {
                    logs.Add((l, targets[c], 1.0 / clip.Windows.Count));
                }
            }
        }

        var before = Confidences(clips, targets);
        foreach (var (log, _, weight) in logs)
        {
            Learn(log, weight);
        }

        var emotions = targets.Distinct().Count();
        var applied = emotions >= _minEmotions && logs.Count > 0;
        if (applied)
        {
            FitClassBias(logs);
        }

        _enrolled += clips.Count;
        var after = Confidences(clips, targets);
        return new EnrolmentResult(applied, emotions, _minEmotions, [.. clips.Select((clip, i) => new EnrolledClip(_labels[targets[i]], before[i], after[i]))]);
    }

    /// <inheritdoc />
    public void Forget(double keepWindows)
    {
        if (!(keepWindows >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(keepWindows), keepWindows, "Must be 0 or more windows.");
        }

        _n = Math.Min(_n, keepWindows);
        UpdateBias();
    }

    /// <inheritdoc />
    public void Reset()
    {
        _n = 0;
        _hm = 0;
        _enrolled = 0;
        Array.Clear(_m);
        Array.Clear(_b);
        Array.Clear(_d);
        Array.Fill(_pm, 1.0 / _k);
    }

    /// <inheritdoc />
    public void Load(SpeakerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var error = profile.Validate(_labels, _model);
        if (error is not null)
        {
            throw new CalibrationProfileException(error);
        }

        _n = profile.Weight;
        _hm = profile.MeanEntropy;
        _enrolled = profile.EnrolledClips;
        profile.MeanLogProbabilities.CopyTo(_m);
        profile.MeanPosterior.CopyTo(_pm);
        profile.ClassBias.CopyTo(_d);
        UpdateBias();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SpeakerAdaptation(weight {_n:F1}, gate {Gate:F2})");

    private bool CenteredLog(ReadOnlySpan<float> probabilities, Span<double> log)
    {
        double mean = 0;
        for (var i = 0; i < _k; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && float.IsFinite(p)))
            {
                return false;
            }

            log[i] = Math.Log(Math.Max(p, _floor));
            mean += log[i];
        }

        mean /= _k;
        for (var i = 0; i < _k; i++)
        {
            log[i] -= mean;
        }

        return true;
    }

    private void Learn(ReadOnlySpan<double> l, double weight)
    {
        _n = (1 - weight / _memory) * _n + weight;
        var a = weight / _n;
        for (var i = 0; i < _k; i++)
        {
            _p[i] = l[i];
        }

        Softmax(_p);
        double h = 0;
        for (var i = 0; i < _k; i++)
        {
            _m[i] += a * Math.Clamp(l[i] - _m[i], -_clamp, _clamp);
            _pm[i] += a * (_p[i] - _pm[i]);
            h -= _p[i] * Math.Log(Math.Max(_p[i], 1e-12));
        }

        _hm += a * (h - _hm);
        UpdateBias();
    }

    private void UpdateBias()
    {
        var scale = Strength;
        for (var i = 0; i < _k; i++)
        {
            _b[i] = scale * _m[i];
        }
    }

    private static void Softmax(Span<double> z)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = Math.Exp(z[i] - max);
            sum += z[i];
        }

        for (var i = 0; i < z.Length; i++)
        {
            z[i] /= sum;
        }
    }

    private double[] Confidences(IReadOnlyList<LabelledClip> clips, int[] targets)
    {
        var result = new double[clips.Count];
        var z = new double[_k];
        var l = new double[_k];
        for (var c = 0; c < clips.Count; c++)
        {
            var used = 0;
            foreach (var window in clips[c].Windows)
            {
                if (!CenteredLog(window, l))
                {
                    continue;
                }

                for (var i = 0; i < _k; i++)
                {
                    z[i] = l[i] - _b[i] + _d[i];
                }

                Softmax(z);
                result[c] += z[targets[c]];
                used++;
            }

            result[c] = used > 0 ? result[c] / used : 0;
        }

        return result;
    }

    /// <summary>
    /// d = argmin Σ w·(−log softmax(l − b + d)[y]) + strength/2 · |d|² by Newton's method (convex, 6 unknowns), then centred.
    /// </summary>
    private void FitClassBias(List<(double[] Log, int Target, double Weight)> windows)
    {
        var d = new double[_k];
        var z = new double[_k];
        var grad = new double[_k];
        var hess = new double[_k, _k];
        for (var iteration = 0; iteration < 25; iteration++)
        {
            Array.Clear(grad);
            Array.Clear(hess);
            foreach (var (log, target, weight) in windows)
            {
                for (var i = 0; i < _k; i++)
                {
                    z[i] = log[i] - _b[i] + d[i];
                }

                Softmax(z);
                for (var i = 0; i < _k; i++)
                {
                    grad[i] += weight * (z[i] - (i == target ? 1 : 0));
                    for (var j = 0; j < _k; j++)
                    {
                        hess[i, j] += weight * ((i == j ? z[i] : 0) - z[i] * z[j]);
                    }
                }
            }

            for (var i = 0; i < _k; i++)
            {
                grad[i] += _strength * d[i];
                hess[i, i] += _strength;
            }

            var step = Solve(hess, grad);
            var largest = 0.0;
            for (var i = 0; i < _k; i++)
            {
                d[i] -= step[i];
                largest = Math.Max(largest, Math.Abs(step[i]));
            }

            if (largest < 1e-9)
            {
                break;
            }
        }

        var mean = d.Average();
        for (var i = 0; i < _k; i++)
        {
            _d[i] = d[i] - mean;
        }
    }

    /// <summary>Solves a·x = b for a small symmetric positive definite a (Gaussian elimination with partial pivoting).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                }

                x[r] -= f * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var c = r + 1; c < n; c++)
            {
                x[r] -= m[r, c] * x[c];
            }

            x[r] /= m[r, r];
        }

        return x;
    }
}
