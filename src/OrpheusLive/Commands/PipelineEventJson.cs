using System.Text.Json;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Commands;

/// <summary>
/// The one-object-per-line JSON of <c>listen --json</c> (a contract used by scripts and acceptance checks):
/// <c>{"type":"window","t",…,"speech","emotion","confidence","scores":{…},"valence","arousal","latency_ms","speech_fraction","level_dbfs","calibration"}</c>
/// (valence and arousal in [-1, 1], null without speech; calibration as in <c>/api/state</c>, null on windows it did not
/// calibrate: no speech, or no calibration in the run) and
/// <c>{"type":"decision","t","emotion","mood","target","confidence","player","by_user"}</c> (<c>by_user</c>: the user chose the
/// mood, "play this mood now"); status lines are
/// <c>{"type":"status","t","id","level","message"}</c> (plus <c>"resolves"</c>, the id of the warning a recovery ends).
/// </summary>
public static class PipelineEventJson
{
    /// <summary>Writes <paramref name="e"/> as one compact JSON object (no newline).</summary>
    public static void Write(Utf8JsonWriter json, PipelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        switch (e)
        {
            case WindowEvent w:
                json.WriteString("type", "window");
                json.WriteNumber("t", Math.Round(w.T, 3));
                json.WriteBoolean("speech", w.Speech);
                if (w.Emotion is null)
                {
                    json.WriteNull("emotion");
                }
                else
                {
                    json.WriteString("emotion", w.Emotion);
                }

                json.WriteNumber("confidence", Math.Round(w.Confidence, 4));
                json.WriteStartObject("scores");
                foreach (var (label, p) in w.Scores)
                {
                    json.WriteNumber(label, Math.Round(p, 4));
                }

                json.WriteEndObject();
                if (w.Affect is { } affect)
                {
                    json.WriteNumber("valence", Math.Round(affect.Valence, 4));
                    json.WriteNumber("arousal", Math.Round(affect.Arousal, 4));
                }
                else
                {
                    json.WriteNull("valence");
                    json.WriteNull("arousal");
                }

                json.WriteNumber("latency_ms", Math.Round(w.LatencyMs, 2));
                json.WriteNumber("speech_fraction", Math.Round(w.SpeechFraction, 3));
                json.WriteNumber("level_dbfs", Math.Round(w.LevelDbfs, 1));
                if (w.Calibration is { } calibration)
                {
                    json.WritePropertyName("calibration");
                    CalibrationResponse.Write(json, calibration);
                }
                else
                {
                    json.WriteNull("calibration");
                }

                break;
            case DecisionEvent d:
                json.WriteString("type", "decision");
                json.WriteNumber("t", Math.Round(d.T, 3));
                json.WriteString("emotion", d.Emotion);
                json.WriteString("mood", d.Mood);
                if (d.Target is null)
                {
                    json.WriteNull("target");
                }
                else
                {
                    json.WriteString("target", d.Target);
                }

                json.WriteNumber("confidence", Math.Round(d.Confidence, 4));
                json.WriteString("player", d.Player);
                json.WriteBoolean("by_user", d.ByUser);
                if (d.Message is not null)
                {
                    json.WriteString("message", d.Message);
                }

                break;
            case StatusEvent s:
                json.WriteString("type", "status");
                json.WriteNumber("t", Math.Round(s.T, 3));
                json.WriteString("id", s.Id);
                json.WriteString("level", s.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", s.Message);
                if (s.Resolves is not null)
                {
                    json.WriteString("resolves", s.Resolves);
                }

                break;
        }

        json.WriteEndObject();
    }
}
