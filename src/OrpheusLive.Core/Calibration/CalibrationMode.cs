namespace OrpheusLive.Core.Calibration;

/// <summary>Whether the app adapts to its listener's voice (<c>Calibration:Mode</c>).</summary>
public enum CalibrationMode
{
    /// <summary>Adapt while the same voice speaks (the default); enrolment, when done, is applied too.</summary>
    Auto,

    /// <summary>Use the model's probabilities as they are.</summary>
    Off,
}
