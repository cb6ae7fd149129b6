namespace OrpheusLive.Audio.Tests;

/// <summary>Tests that share the PulseAudio daemon; run one at a time so they don't fight over the devices.</summary>
[CollectionDefinition(Name)]
public sealed class PulseAudioCollection : ICollectionFixture<PulseAudioFixture>
{
    public const string Name = "PulseAudio";
}
