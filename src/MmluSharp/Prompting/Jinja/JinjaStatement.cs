using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>A compiled statement or block: writes its output for a scope.</summary>
internal delegate void JinjaStatement(JinjaScope scope, StringBuilder output);
