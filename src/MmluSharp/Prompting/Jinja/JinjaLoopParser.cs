namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// <c>{% for a[, b] in items [if condition] %}…[{% else %}…]{% endfor %}</c>: the body runs in a scope of its own with
/// Jinja2's <c>loop</c> variable (index, index0, revindex, revindex0, first, last, length, previtem, nextitem, cycle);
/// the condition filters the items before they are counted; <c>else</c> runs when no item was left.
/// </summary>
internal sealed class JinjaLoopParser(
    JinjaCursor cursor, JinjaExpressionParser expressions, Func<string[], (JinjaStatement Body, string? End)> block)
{
    public JinjaStatement Parse(int line)
    {
        var parenthesised = cursor.Accept("(");
        var names = new List<string> { cursor.ExpectName() };
        while (cursor.Accept(","))
        {
            names.Add(cursor.ExpectName());
        }

        if (parenthesised)
        {
            cursor.Expect(")");
        }

        if (!cursor.AcceptName("in"))
        {
            throw cursor.Unexpected("'in'");
        }

        var items = expressions.Parse(conditional: false);
        var filter = cursor.AcceptName("if") ? expressions.Parse(conditional: false) : null;
        if (cursor.Current.IsName("recursive"))
        {
            throw new JinjaException("recursive loops are not supported", line);
        }

        cursor.ExpectTagEnd();
        var (body, end) = block(["else", "endfor"]);
        JinjaStatement? otherwise = null;
        if (end == "else")
        {
            cursor.ExpectTagEnd();
            otherwise = block(["endfor"]).Body;
        }

        cursor.ExpectTagEnd();
        return (scope, output) =>
        {
            var inner = scope.Child();
            var chosen = JinjaValues.Iterate(items(scope), line).Where(item =>
            {
                if (filter is null)
                {
                    return true;
                }

                Assign(inner, names, item, line);
                return JinjaValues.Truthy(filter(inner));
            }).ToList();
            for (var i = 0; i < chosen.Count; i++)
            {
                Assign(inner, names, chosen[i], line);
                inner.Set("loop", Loop(chosen, i));
                body(inner, output);
                var signal = inner.Flow.Signal;
                inner.Flow.Signal = JinjaFlowSignal.None;
                if (signal == JinjaFlowSignal.Break)
                {
                    break;
                }
            }

            if (chosen.Count == 0)
            {
                otherwise?.Invoke(scope, output);
            }
        };
    }

    /// <summary>Binds one name to <paramref name="value"/>, or several to its items (which must be as many).</summary>
    public static void Assign(JinjaScope scope, List<string> names, object? value, int line)
    {
        if (names.Count == 1)
        {
            scope.Set(names[0], value);
            return;
        }

        var items = JinjaValues.Iterate(value, line);
        if (items.Count != names.Count)
        {
            throw new JinjaException($"cannot unpack {items.Count} values into {names.Count} names", line);
        }

        for (var i = 0; i < names.Count; i++)
        {
            scope.Set(names[i], items[i]);
        }
    }

    private static Dictionary<string, object?> Loop(List<object?> items, int i) => new(StringComparer.Ordinal)
    {
        ["index"] = (long)i + 1,
        ["index0"] = (long)i,
        ["revindex"] = (long)(items.Count - i),
        ["revindex0"] = (long)(items.Count - i - 1),
        ["first"] = i == 0,
        ["last"] = i == items.Count - 1,
        ["length"] = (long)items.Count,
        ["depth"] = 1L,
        ["depth0"] = 0L,
        ["previtem"] = i > 0 ? items[i - 1] : new JinjaUndefined("loop.previtem"),
        ["nextitem"] = i < items.Count - 1 ? items[i + 1] : new JinjaUndefined("loop.nextitem"),
        ["cycle"] = new JinjaCallable("loop.cycle", (args, _) => args.Count == 0 ? null : args[i % args.Count]),
    };
}
