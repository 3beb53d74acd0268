using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Benchmarks;

/// <summary>
/// Answer-order robustness (<c>--permute cyclic</c>): every question is also asked with its options rotated, one
/// rotation per option. Reports accuracy per rotation, how many questions get the same underlying option in
/// every rotation, and the letter bias (how often each position is predicted against its share of gold answers).
/// </summary>
internal static class AnswerOrder
{
    /// <summary>The <c>--permute</c> value this implements.</summary>
    public const string Cyclic = "cyclic";

    /// <summary>The question in each of its rotations, as written first.</summary>
    public static IEnumerable<Question> Rotations(Question question) =>
        Enumerable.Range(0, question.Choices.Count).Select(question.Rotated);

    public static BenchmarkAnalysis Analyze(IReadOnlyList<Sample> samples)
    {
        var accuracy = samples.GroupBy(s => s.Rotation).OrderBy(g => g.Key).ToDictionary(
            g => g.Key == 0 ? "rotation 0 (as written)" : string.Create(CultureInfo.InvariantCulture, $"rotation {g.Key}"),
            g => AccuracyStats.Of(g.ToList()),
            StringComparer.Ordinal);

        // The option chosen, in the file's order: position p under rotation r is option (p + r) mod n, where a
        // question with n options is asked in n rotations (generated answers carry no log-probabilities to count).
        // An unparsed answer (or a guess for it) and a letter past the last option are never consistent.
        var questions = samples.GroupBy(s => (s.Subject, s.Index)).ToList();
        var consistent = questions.Count(q =>
            q.All(s => !s.Unparsed && Letters.IndexOf(s.Pred) < q.Count())
            && q.Select(s => (Letters.IndexOf(s.Pred) + s.Rotation) % q.Count()).Distinct().Count() == 1);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["questions"] = questions.Count,
            ["answered consistently in every rotation"] = consistent,
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{Share(consistent, questions.Count)} of questions get the same option whatever its position."),
        };
        var options = questions.Count == 0 ? 0 : questions.Max(q => q.Count());
        foreach (var letter in Letters.First(options))
        {
            var predicted = samples.Count(s => s.Pred == letter);
            var gold = samples.Count(s => s.Gold == letter);
            counts[$"predicted {letter}"] = predicted;
            counts[$"gold {letter}"] = gold;
            notes.Add(string.Create(
                CultureInfo.InvariantCulture, $"{letter} is predicted for {Share(predicted, samples.Count)} of questions and is gold for {Share(gold, samples.Count)}."));
        }

        return new BenchmarkAnalysis("Answer-order robustness (cyclic)", accuracy, counts, notes);
    }

    private static string Share(long part, long whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
