using System.Text;
using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>
/// Writes prompts in QLoRA's MMLU format (<c>data/mmlu/zero_shot_mmlu_val.json</c> and siblings): one
/// <c>json.dumps({"subject": …, "input": …, "output": …})</c> per line, ASCII only, each line ending in <c>\n</c>.
/// </summary>
public static class QloraExporter
{
    /// <summary>Writes one line per item: its subject, the full prompt text and the gold letter.</summary>
    /// <param name="items">The questions with their prompts, in the order to write them.</param>
    /// <param name="output">Receives the lines; left open.</param>
    public static void Write(IEnumerable<(Question Question, Prompt Prompt)> items, Stream output)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var line = new StringBuilder(4096);
        foreach (var (question, prompt) in items)
        {
            line.Clear().Append("{\"subject\": ");
            PythonJson.AppendString(line, question.Subject).Append(", \"input\": ");
            PythonJson.AppendString(line, prompt.Text).Append(", \"output\": ");
            PythonJson.AppendString(line, question.AnswerLetter).Append("}\n");
            writer.Write(line);
        }
    }
}
