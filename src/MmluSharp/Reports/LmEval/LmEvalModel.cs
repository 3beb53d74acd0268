using System.Text.RegularExpressions;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>
/// The model as lm-eval 0.4.11 records it: <c>model_args</c> as a dictionary (its CLI parses <c>key=value</c> pairs),
/// the model name taken from those arguments, and that name made safe for a folder name.
/// </summary>
internal static partial class LmEvalModel
{
    /// <summary>
    /// A GGUF from the Hub as lm-eval's HF model takes one (<c>pretrained</c> repository, <c>gguf_file</c>,
    /// <c>revision</c> at the commit); a local file as <c>pretrained</c>; a served model as lm-eval's API models take
    /// it, <c>model</c> and <c>base_url</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Arguments(ModelDescription model)
    {
        if (model is { Hub: { } hub, Files: [var first, ..] })
        {
            return [new("pretrained", hub.Repository), new("gguf_file", first.Path), new("revision", hub.Commit)];
        }

        if (model.Path is not null)
        {
            return [new("pretrained", model.Path)];
        }

        return model.Endpoint?.GetValueOrDefault("endpoint") is { } endpoint
            ? [new("model", model.Name), new("base_url", endpoint)]
            : [new("model", model.Name)];
    }

    /// <summary>
    /// The name lm-eval's <c>GeneralConfigTracker</c> takes from the arguments: the first of <c>peft</c>,
    /// <c>delta</c>, <c>pretrained</c>, <c>model</c>, <c>path</c>, <c>engine</c>.
    /// </summary>
    public static string Name(ModelDescription model)
    {
        var arguments = Arguments(model);
        foreach (var key in (string[])["peft", "delta", "pretrained", "model", "path", "engine"])
        {
            if (arguments.FirstOrDefault(a => a.Key == key) is { Key: not null } found)
            {
                return found.Value;
            }
        }

        return string.Empty;
    }

    /// <summary>lm-eval's <c>sanitize_model_name</c>: each run of <c>"&lt;&gt;:/|\?*[]</c> becomes <c>__</c>.</summary>
    public static string Sanitize(string name) => Unsafe().Replace(name, "__");

    [GeneratedRegex("""["<>:/|\\?*\[\]]+""")]
    private static partial Regex Unsafe();
}
