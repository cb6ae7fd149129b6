using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrpheusLive.Commands.Model;

/// <summary>Accuracy, unweighted average recall and the confusion matrix over a fixed label set.</summary>
public sealed class EvalReport(IReadOnlyList<string> labels)
{
    private readonly int[,] _confusion = new int[labels.Count, labels.Count];

    /// <summary>Labels, in model order (rows = truth, columns = prediction).</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>Clips scored.</summary>
    public int Count { get; private set; }

    /// <summary>Clips skipped because the model lacks their label, per label.</summary>
    public Dictionary<string, int> SkippedLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>Clips that could not be read, with the reason.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Counts one scored clip.</summary>
    public void Add(string truth, string predicted)
    {
        var t = IndexOf(truth);
        var p = IndexOf(predicted);
        _confusion[t, p]++;
        Count++;
    }

    /// <summary>How many clips with true label <paramref name="truth"/> were predicted as <paramref name="predicted"/>.</summary>
    public int Confusion(string truth, string predicted) => _confusion[IndexOf(truth), IndexOf(predicted)];

    /// <summary>Fraction of clips predicted correctly.</summary>
    public double Accuracy => Count == 0 ? 0 : Enumerable.Range(0, labels.Count).Sum(i => _confusion[i, i]) / (double)Count;

    /// <summary>Recall per label that has at least one clip.</summary>
    public IReadOnlyDictionary<string, double> Recall
    {
        get
        {
            var recall = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < labels.Count; i++)
            {
                var support = Support(i);
                if (support > 0)
                {
                    recall[labels[i]] = _confusion[i, i] / (double)support;
                }
            }

            return recall;
        }
    }

    /// <summary>Unweighted average recall: the mean of <see cref="Recall"/> over labels with clips.</summary>
    public double Uar => Recall.Count == 0 ? 0 : Recall.Values.Average();

    /// <summary>Total skipped clips.</summary>
    public int Skipped => SkippedLabels.Values.Sum();

    /// <summary>The report as readable text (accuracy, UAR, per-class recall, confusion matrix).</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"clips scored: {Count}   skipped (label not in model): {Skipped}{SkippedDetail()}   unreadable: {Errors.Count}");
        text.AppendLine(inv, $"accuracy: {Accuracy:P1}   UAR: {Uar:P1}");
        text.AppendLine();
        text.AppendLine("recall per class:");
        foreach (var (label, recall) in Recall)
        {
            text.AppendLine(inv, $"  {label,-10} {recall,7:P1}   (n={Support(IndexOf(label))})");
        }

        text.AppendLine();
        text.AppendLine("confusion (rows = truth, columns = predicted):");
        var width = Math.Max(6, labels.Max(l => l.Length) + 1);
        text.Append(new string(' ', width));
        foreach (var l in labels)
        {
            text.Append(l[..Math.Min(l.Length, 8)].PadLeft(9));
        }

        text.AppendLine();
        for (var i = 0; i < labels.Count; i++)
        {
            text.Append(labels[i].PadRight(width));
            for (var j = 0; j < labels.Count; j++)
            {
                text.Append(_confusion[i, j].ToString(inv).PadLeft(9));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the JSON form: <c>uar, accuracy, n, skipped, per_class, confusion</c> (plus labels and errors), then
    /// whatever <paramref name="more"/> adds to the same object.
    /// </summary>
    public void WriteJson(Utf8JsonWriter json, Action<Utf8JsonWriter>? more = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("uar", Math.Round(Uar, 4));
        json.WriteNumber("accuracy", Math.Round(Accuracy, 4));
        json.WriteNumber("n", Count);
        json.WriteNumber("skipped", Skipped);
        json.WriteStartObject("per_class");
        foreach (var (label, recall) in Recall)
        {
            json.WriteNumber(label, Math.Round(recall, 4));
        }

        json.WriteEndObject();
        json.WriteStartObject("confusion");
        for (var i = 0; i < labels.Count; i++)
        {
            json.WriteStartObject(labels[i]);
            for (var j = 0; j < labels.Count; j++)
            {
                json.WriteNumber(labels[j], _confusion[i, j]);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("labels");
        foreach (var l in labels)
        {
            json.WriteStringValue(l);
        }

        json.WriteEndArray();
        json.WriteStartObject("skipped_labels");
        foreach (var (label, n) in SkippedLabels)
        {
            json.WriteNumber(label, n);
        }

        json.WriteEndObject();
        json.WriteNumber("errors", Errors.Count);
        more?.Invoke(json);
        json.WriteEndObject();
    }

    private string SkippedDetail() =>
        SkippedLabels.Count == 0 ? "" : " (" + string.Join(", ", SkippedLabels.Select(kv => $"{kv.Key}: {kv.Value}")) + ")";

    private int Support(int row) => Enumerable.Range(0, labels.Count).Sum(j => _confusion[row, j]);

    private int IndexOf(string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not one of the model's labels", nameof(label));
    }
}
