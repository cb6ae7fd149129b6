using OrpheusLive.Core.Moods;

namespace OrpheusLive.Core.Tests;

public sealed class MoodMapSerializerTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrpheusLive.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void The_shipped_default_mapping_is_valid_and_maps_the_documented_moods()
    {
        var map = MoodMapSerializer.Parse(File.ReadAllText(RepoFile("config", "moods.json")), "moods.json", TestTargets.Rules);

        map.MoodFor("neutral").ShouldBe("chill");
        map.MoodFor("calm").ShouldBe("chill");
        map.MoodFor("happy").ShouldBe("upbeat");
        map.MoodFor("sad").ShouldBe("comforting");
        map.MoodFor("fearful").ShouldBe("comforting");
        map.MoodFor("angry").ShouldBe("energetic");
        map.MoodFor("surprised").ShouldBe("exciting");
        map.Moods.Values.ShouldAllBe(m => m.Targets.Count > 0);
    }

    [Fact]
    public void Serialize_then_parse_round_trips()
    {
        var map = new MoodMap(
            new Dictionary<string, string> { ["happy"] = "upbeat", ["sad"] = "comforting" },
            new Dictionary<string, MoodTargets>
            {
                ["upbeat"] = new(["spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "music/upbeat"], false),
                ["comforting"] = new(["spotify:album:4aawyAB9vmqN3uQ7FjRGTy"]),
            });

        var back = MoodMapSerializer.Parse(MoodMapSerializer.ToJson(map), "test", TestTargets.Rules);

        back.Emotions.ShouldBe(map.Emotions, ignoreOrder: true);
        back.Moods["upbeat"].Targets.ShouldBe(map.Moods["upbeat"].Targets);
        back.Moods["upbeat"].Shuffle.ShouldBeFalse();
        back.Moods["comforting"].Shuffle.ShouldBeTrue();
    }

    [Theory]
    [InlineData("{ \"emotions\": { \"happy\": \"upbeat\" ", "not valid JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{ \"moods\": {} }", "missing \"emotions\"")]
    [InlineData("{ \"emotions\": { \"hapy\": \"upbeat\" }, \"moods\": { \"upbeat\": [\"x\"] } }", "unknown emotion 'hapy'")]
    [InlineData("{ \"emotions\": { \"happy\": \"upbeet\" }, \"moods\": { \"upbeat\": [\"x\"] } }", "emotion 'happy' maps to mood 'upbeet'")]
    [InlineData("{ \"emotions\": { \"happy\": \"upbeat\" }, \"moods\": { \"upbeat\": [\"bad:abc\"] } }", "mood 'upbeat' target 1: 'bad:abc' is not a valid test target")]
    [InlineData("{ \"emotions\": { \"happy\": \"upbeat\" }, \"moods\": { \"upbeat\": { \"targets\": [] } } }", "mood 'upbeat' has no targets")]
    [InlineData("{ \"emotions\": { \"happy\": 3 }, \"moods\": { } }", "emotions.happy must be a mood name")]
    public void Invalid_mappings_are_rejected_with_the_bad_entry_named(string json, string expected)
    {
        var e = Should.Throw<MoodMapException>(() => MoodMapSerializer.Parse(json, "my-moods.json", TestTargets.Rules));
        e.Message.ShouldStartWith("my-moods.json");
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void Comments_trailing_commas_and_a_bare_target_list_are_accepted_and_targets_normalised_by_the_player_rules()
    {
        var map = MoodMapSerializer.Parse("""
            {
              // my mapping
              "emotions": { "Happy": "Upbeat", },
              "moods": { "upbeat": ["link:37i9dQZF1DXdPec7aLTmlC"], },
            }
            """, "x", TestTargets.Rules);

        map.MoodFor("happy").ShouldBe("upbeat");
        map.Moods["upbeat"].Targets.ShouldBe(new[] { "uri:37i9dQZF1DXdPec7aLTmlC" });
    }
}

public sealed class MoodTargetRulesTests
{
    private sealed class Kind(string prefix) : OrpheusLive.Core.Playback.ITargetValidator
    {
        public string Description => $"a {prefix} target";

        public OrpheusLive.Core.Playback.TargetCheck? Check(string target, bool mustExist) =>
            target.StartsWith(prefix + ":", StringComparison.Ordinal)
                ? mustExist && target.EndsWith("missing", StringComparison.Ordinal)
                    ? OrpheusLive.Core.Playback.TargetCheck.Invalid($"'{target}' does not exist")
                    : OrpheusLive.Core.Playback.TargetCheck.Valid(target)
                : null;
    }

    private readonly MoodTargetRules _rules = new([new Kind("a"), new Kind("b"), new Kind("c")]);

    [Fact]
    public void The_first_player_that_recognises_a_target_decides()
    {
        _rules.Normalize("  b:x ", mustExist: false, out var error).ShouldBe("b:x");
        error.ShouldBeNull();
        _rules.Normalize("c:missing", mustExist: false, out _).ShouldBe("c:missing");
        _rules.Normalize("c:missing", mustExist: true, out error).ShouldBeNull();
        error.ShouldBe("'c:missing' does not exist");
    }

    [Fact]
    public void A_target_no_player_recognises_names_what_each_accepts()
    {
        _rules.Normalize("z:x", mustExist: false, out var error).ShouldBeNull();
        error.ShouldBe("'z:x' is neither a a target, a b target nor a c target");
        _rules.Normalize(" ", mustExist: false, out error).ShouldBeNull();
        error.ShouldBe("is empty");
        _rules.Accepted.ShouldBe("a a target, a b target or a c target");
        new MoodTargetRules([new Kind("a")]).Normalize("z:x", false, out error).ShouldBeNull();
        error.ShouldBe("'z:x' is not a a target");
    }
}
