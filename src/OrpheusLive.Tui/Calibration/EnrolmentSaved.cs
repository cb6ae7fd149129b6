namespace OrpheusLive.Tui.Calibration;

/// <summary>What saving an enrolment did (<see cref="IEnrolmentStudio.SaveAsync"/>).</summary>
/// <param name="Saved">True when the profile was written.</param>
/// <param name="Message">One line for the user: where it was saved and what uses it, or why it was not.</param>
public sealed record EnrolmentSaved(bool Saved, string Message);
