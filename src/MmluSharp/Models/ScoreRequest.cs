using MmluSharp.Prompting;

namespace MmluSharp.Models;

/// <summary>Score each continuation as the next text after the prompt.</summary>
/// <param name="Id">Echoed in the answer; results may arrive out of order.</param>
/// <param name="Prompt">The prompt; requests whose header and shots agree share their prefix.</param>
/// <param name="Continuations">e.g. <c>" A"</c> … <c>" D"</c>.</param>
public sealed record ScoreRequest(string Id, Prompt Prompt, IReadOnlyList<string> Continuations);
