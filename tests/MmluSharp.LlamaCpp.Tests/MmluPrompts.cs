using System.Text;
using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Test-only: 5-shot prompts in the format of Hendrycks' evaluate.py, read straight from the CSVs.</summary>
internal static class MmluPrompts
{
    public static readonly string[] Letters = [" A", " B", " C", " D"];

    public static List<ScoreRequest> Build(string subject, int questions, int shots = 5, int skip = 0)
    {
        var dev = ReadCsv(Path.Combine(SharedData.Mmlu, "dev", $"{subject}_dev.csv"));
        var test = ReadCsv(Path.Combine(SharedData.Mmlu, "test", $"{subject}_test.csv"));
        var header = "The following are multiple choice questions (with answers) about" + string.Concat(subject.Split('_').Select(w => " " + w)) + ".\n\n";
        var examples = dev.Take(shots).Select(row => Format(row) + " " + row[5] + "\n\n").ToList();
        return [.. test.Skip(skip).Take(questions).Select((row, i) => new ScoreRequest($"{subject}/{skip + i}", new Prompt(header, examples, Format(row)), Letters))];
    }

    private static string Format(IReadOnlyList<string> row) =>
        row[0] + string.Concat(Enumerable.Range(0, 4).Select(j => $"\n{(char)('A' + j)}. {row[j + 1]}")) + "\nAnswer:";

    // RFC 4180: quoted fields may hold commas, doubled quotes and newlines.
    private static List<string[]> ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
