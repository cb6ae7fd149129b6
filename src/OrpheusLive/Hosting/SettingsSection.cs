namespace OrpheusLive.Hosting;

/// <summary>
/// A configuration section and the options class bound from it: what <see cref="SettingsCheck"/> checks keys and
/// values against. <see cref="OptionsRegistration.AddValidatedOptions{T}"/> registers one for every options class;
/// <see cref="OptionsRegistration.AddSettingsSection{T}"/> does it for options an adapter binds itself.
/// </summary>
/// <param name="Section">The section path ("Debounce", "LocalPlayer:Output").</param>
/// <param name="OptionsType">The class its keys bind to.</param>
public sealed record SettingsSection(string Section, Type OptionsType);
