using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Parses a template's text, <c>{{ … }}</c> and the statements chat templates use: <c>if/elif/else</c>,
/// <c>for … in … [if …]</c> with <c>loop</c> and <c>else</c>, <c>set</c> (names, tuples, <c>ns.attribute</c>, blocks),
/// <c>macro</c>, <c>break</c>, <c>continue</c> and Hugging Face's <c>generation</c> block. Any other statement is refused
/// with its line.
/// </summary>
internal sealed class JinjaStatementParser
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "extends", "block", "include", "import", "from", "call", "filter", "with", "autoescape", "do", "trans", "recursive",
    };

    private readonly JinjaCursor cursor;
    private readonly JinjaExpressionParser expressions;

    public JinjaStatementParser(List<JinjaToken> tokens)
    {
        cursor = new JinjaCursor(tokens);
        expressions = new JinjaExpressionParser(cursor);
    }

    /// <summary>The whole template.</summary>
    public JinjaStatement Template() => Block().Body;

    /// <summary>
    /// Statements up to the statement tag named by one of <paramref name="ends"/> (its name consumed, the rest of its tag
    /// not), or to the end of the template when none is given.
    /// </summary>
    private (JinjaStatement Body, string? End) Block(params string[] ends)
    {
        var statements = new List<JinjaStatement>();
        while (true)
        {
            var token = cursor.Next();
            switch (token.Kind)
            {
                case JinjaTokenKind.End when ends.Length > 0:
                    throw new JinjaException($"the template ends before {{% {ends[^1]} %}}", token.Line);
                case JinjaTokenKind.End:
                    return (Sequence(statements), null);
                case JinjaTokenKind.Text:
                    var text = token.Text;
                    statements.Add((_, output) => output.Append(text));
                    break;
                case JinjaTokenKind.PrintStart:
                    var value = expressions.ParseTuple();
                    cursor.ExpectTagEnd();
                    statements.Add((scope, output) => output.Append(JinjaValues.Str(value(scope))));
                    break;
                case JinjaTokenKind.StatementStart:
                    var name = cursor.ExpectName();
                    if (ends.Contains(name))
                    {
                        return (Sequence(statements), name);
                    }

                    statements.Add(Statement(name, token.Line));
                    break;
                default:
                    throw new JinjaException($"unexpected '{token.Text}'", token.Line);
            }
        }
    }

    private static JinjaStatement Sequence(List<JinjaStatement> statements) => (scope, output) =>
    {
        foreach (var statement in statements)
        {
            statement(scope, output);
            if (scope.Flow.Signal != JinjaFlowSignal.None)
            {
                return;
            }
        }
    };

    private JinjaStatement Statement(string name, int line)
    {
        switch (name)
        {
            case "if":
                return If();
            case "for":
                return new JinjaLoopParser(cursor, expressions, Block).Parse(line);
            case "set":
                return Set(line);
            case "macro":
                return Macro();
            case "break" or "continue":
                cursor.ExpectTagEnd();
                var signal = name == "break" ? JinjaFlowSignal.Break : JinjaFlowSignal.Continue;
                return (scope, _) => scope.Flow.Signal = signal;
            case "generation":
                cursor.ExpectTagEnd();
                var body = Block("endgeneration").Body;
                cursor.ExpectTagEnd();
                return body;
            case var other when Unsupported.Contains(other):
                throw new JinjaException($"the statement '{other}' is not supported", line);
            default:
                throw new JinjaException($"unknown statement '{name}'", line);
        }
    }

    private JinjaStatement If()
    {
        var branches = new List<(JinjaExpression Condition, JinjaStatement Body)>();
        var condition = expressions.Parse();
        JinjaStatement? otherwise = null;
        while (true)
        {
            cursor.ExpectTagEnd();
            var (body, end) = Block("elif", "else", "endif");
            branches.Add((condition, body));
            if (end == "elif")
            {
                condition = expressions.Parse();
                continue;
            }

            if (end == "else")
            {
                cursor.ExpectTagEnd();
                otherwise = Block("endif").Body;
            }

            cursor.ExpectTagEnd();
            break;
        }

        return (scope, output) =>
        {
            foreach (var (test, body) in branches)
            {
                if (JinjaValues.Truthy(test(scope)))
                {
                    body(scope, output);
                    return;
                }
            }

            otherwise?.Invoke(scope, output);
        };
    }

    private JinjaStatement Set(int line)
    {
        var names = new List<string> { cursor.ExpectName() };
        string? attribute = null;
        if (cursor.Accept("."))
        {
            attribute = cursor.ExpectName();
        }

        while (attribute is null && cursor.Accept(","))
        {
            names.Add(cursor.ExpectName());
        }

        JinjaExpression value;
        if (cursor.Accept("="))
        {
            value = expressions.ParseTuple();
            cursor.ExpectTagEnd();
        }
        else
        {
            cursor.ExpectTagEnd();
            var body = Block("endset").Body;
            cursor.ExpectTagEnd();
            value = scope =>
            {
                var captured = new StringBuilder();
                body(scope, captured);
                return captured.ToString();
            };
        }

        return (scope, _) =>
        {
            var result = value(scope);
            if (attribute is not null)
            {
                var target = scope.Get(names[0]) as JinjaNamespace
                    ?? throw new JinjaException($"cannot assign an attribute of '{names[0]}', which is not a namespace", line);
                target.Attributes[attribute] = result;
            }
            else
            {
                JinjaLoopParser.Assign(scope, names, result, line);
            }
        };
    }

    private JinjaStatement Macro()
    {
        var name = cursor.ExpectName();
        var parameters = new List<(string Name, JinjaExpression? Default)>();
        cursor.Expect("(");
        while (!cursor.Accept(")"))
        {
            if (parameters.Count > 0)
            {
                cursor.Expect(",");
            }

            var parameter = cursor.ExpectName();
            parameters.Add((parameter, cursor.Accept("=") ? expressions.Parse() : null));
        }

        cursor.ExpectTagEnd();
        var body = Block("endmacro").Body;
        cursor.ExpectTagEnd();
        return (scope, _) => scope.Set(name, new JinjaCallable(name, (positional, named) =>
        {
            var call = scope.Child();
            for (var i = 0; i < parameters.Count; i++)
            {
                var (parameter, fallback) = parameters[i];
                call.Set(parameter, i < positional.Count ? positional[i]
                    : named.TryGetValue(parameter, out var value) ? value
                    : fallback is null ? new JinjaUndefined($"'{parameter}'") : fallback(scope));
            }

            var output = new StringBuilder();
            body(call, output);
            call.Flow.Signal = JinjaFlowSignal.None;
            return output.ToString();
        }));
    }
}
