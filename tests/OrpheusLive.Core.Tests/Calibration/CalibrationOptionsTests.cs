using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class CalibrationOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_adapt()
    {
        var options = new CalibrationOptions();
        options.Validate().ShouldBeNull();
        options.Mode.ShouldBe(CalibrationMode.Auto);
    }

    [Theory]
    [InlineData(nameof(CalibrationOptions.MemoryWindows), 0.0)]
    [InlineData(nameof(CalibrationOptions.PriorWindows), -1.0)]
    [InlineData(nameof(CalibrationOptions.GateHigh), 0.1)]
    [InlineData(nameof(CalibrationOptions.StepClampNats), double.NaN)]
    [InlineData(nameof(CalibrationOptions.ProbabilityFloor), 0.5)]
    [InlineData(nameof(CalibrationOptions.VoiceLongWindows), 2.0)]
    [InlineData(nameof(CalibrationOptions.VoiceChangeThreshold), double.PositiveInfinity)]
    public void A_bad_value_is_named_with_what_is_valid(string setting, double value)
    {
        var options = new CalibrationOptions();
        typeof(CalibrationOptions).GetProperty(setting)!.SetValue(options, value);

        var error = options.Validate().ShouldNotBeNull();

        error.ShouldStartWith($"Calibration:{setting} must be");
        error.ShouldContain("got");
    }

    [Fact]
    public void An_undefined_mode_is_refused()
    {
        new CalibrationOptions { Mode = (CalibrationMode)7 }.Validate().ShouldNotBeNull().ShouldContain("Calibration:Mode must be auto or off");
    }

    [Fact]
    public void Invalid_options_stop_the_adaptation_from_being_built()
    {
        Should.Throw<ArgumentException>(() => new SpeakerAdaptation(new CalibrationOptions { MemoryWindows = -5 }, SyntheticSpeaker.Labels, "m"))
            .Message.ShouldContain("Calibration:MemoryWindows");
    }
}
