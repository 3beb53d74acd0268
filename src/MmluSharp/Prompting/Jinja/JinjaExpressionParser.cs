namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Parses Jinja2 expressions with Jinja2's precedence (conditional, <c>or</c>, <c>and</c>, <c>not</c>, comparisons and
/// <c>in</c>, <c>+ -</c>, <c>~</c>, <c>* / // %</c>, <c>**</c>, unary, then <c>.</c> <c>[]</c> <c>()</c> and <c>|</c> <c>is</c>)
/// and compiles each into a closure. Filters and tests are looked up as they are read, so a template using one this
/// interpreter lacks is refused at once. (Just over 300 lines: the precedence ladder reads best as one file, each level
/// calling the next, from the conditional down to the postfix operators.)
/// </summary>
internal sealed class JinjaExpressionParser(JinjaCursor cursor)
{
    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "==", "!=", "<", "<=", ">", ">=" };

    public JinjaExpression Parse(bool conditional = true)
    {
        var body = Or();
        while (conditional && cursor.AcceptName("if"))
        {
            var condition = Or();
            var otherwise = cursor.AcceptName("else") ? Parse() : null;
            var then = body;
            body = s => JinjaValues.Truthy(condition(s)) ? then(s) : otherwise is null ? new JinjaUndefined("the else branch") : otherwise(s);
        }

        return body;
    }

    /// <summary>Expressions separated by commas: one, or a tuple (a list) of several.</summary>
    public JinjaExpression ParseTuple()
    {
        var first = Parse();
        if (!cursor.Current.IsOperator(","))
        {
            return first;
        }

        var items = new List<JinjaExpression> { first };
        while (cursor.Accept(",") && cursor.Current.Kind != JinjaTokenKind.TagEnd && !cursor.Current.IsOperator(")"))
        {
            items.Add(Parse());
        }

        return s => new JinjaTuple(items.Select(i => i(s)));
    }

    /// <summary>The arguments of a call, after its <c>(</c>, through its <c>)</c>.</summary>
    public (List<JinjaExpression> Positional, List<(string Name, JinjaExpression Value)> Named) Arguments()
    {
        var positional = new List<JinjaExpression>();
        var named = new List<(string, JinjaExpression)>();
        while (!cursor.Accept(")"))
        {
            if (positional.Count + named.Count > 0)
            {
                cursor.Expect(",");
                if (cursor.Accept(")"))
                {
                    break;
                }
            }

            if (cursor.Current.Kind == JinjaTokenKind.Name && cursor.Peek().IsOperator("="))
            {
                var name = cursor.Next().Text;
                cursor.Next();
                named.Add((name, Parse()));
            }
            else if (named.Count > 0)
            {
                throw new JinjaException("a positional argument follows a keyword argument", cursor.Current.Line);
            }
            else
            {
                positional.Add(Parse());
            }
        }

        return (positional, named);
    }

    /// <summary>Evaluates compiled arguments.</summary>
    public static JinjaArguments Evaluate(
        (List<JinjaExpression> Positional, List<(string Name, JinjaExpression Value)> Named) arguments, JinjaScope scope, int line) =>
        new([.. arguments.Positional.Select(p => p(scope))], arguments.Named.ToDictionary(n => n.Name, n => n.Value(scope), StringComparer.Ordinal), line);

    private JinjaExpression Or()
    {
        var left = And();
        while (cursor.AcceptName("or"))
        {
            var (a, b) = (left, And());
            left = s => a(s) is var x && JinjaValues.Truthy(x) ? x : b(s);
        }

        return left;
    }

    private JinjaExpression And()
    {
        var left = Not();
        while (cursor.AcceptName("and"))
        {
            var (a, b) = (left, Not());
            left = s => a(s) is var x && !JinjaValues.Truthy(x) ? x : b(s);
        }

        return left;
    }

    private JinjaExpression Not()
    {
        if (cursor.AcceptName("not"))
        {
            var operand = Not();
            return s => !JinjaValues.Truthy(operand(s));
        }

        return Compare();
    }

    private JinjaExpression Compare()
    {
        var first = Binary(0);
        var chain = new List<(string Op, JinjaExpression Right, int Line)>();
        while (true)
        {
            var line = cursor.Current.Line;
            if (cursor.Current.Kind == JinjaTokenKind.Operator && Comparisons.Contains(cursor.Current.Text))
            {
                var op = cursor.Next().Text;
                chain.Add((op, Binary(0), line));
            }
            else if (cursor.AcceptName("in"))
            {
                chain.Add(("in", Binary(0), line));
            }
            else if (cursor.Current.IsName("not") && cursor.Peek().IsName("in"))
            {
                cursor.Next();
                cursor.Next();
                chain.Add(("not in", Binary(0), line));
            }
            else
            {
                break;
            }
        }

        if (chain.Count == 0)
        {
            return first;
        }

        return s =>
        {
            var left = first(s);
            foreach (var (op, rightExpression, line) in chain)
            {
                var right = rightExpression(s);
                var holds = op switch
                {
                    "==" => JinjaValues.Equals(left, right),
                    "!=" => !JinjaValues.Equals(left, right),
                    "in" => JinjaValues.Contains(right, left, line),
                    "not in" => !JinjaValues.Contains(right, left, line),
                    _ => JinjaValues.Compare(left, right, line) is var c && op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 },
                };
                if (!holds)
                {
                    return false;
                }

                left = right;
            }

            return true;
        };
    }

    // Levels from loosest to tightest: + -, ~, * / // %, **.
    private static readonly string[][] Levels = [["+", "-"], ["~"], ["*", "/", "//", "%"], ["**"]];

    private JinjaExpression Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (cursor.Current.Kind == JinjaTokenKind.Operator && Levels[level].Contains(cursor.Current.Text))
        {
            var line = cursor.Current.Line;
            var op = cursor.Next().Text;
            var (a, b) = (left, Binary(level + 1));
            left = s => JinjaOperators.Binary(op, a(s), b(s), line);
        }

        return left;
    }

    private JinjaExpression Unary(bool withFilters = true)
    {
        var line = cursor.Current.Line;
        JinjaExpression value;
        if (cursor.Accept("-"))
        {
            var operand = Unary(false);
            value = s => JinjaOperators.Negate(operand(s), line);
        }
        else if (cursor.Accept("+"))
        {
            value = Unary(false);
        }
        else
        {
            value = Postfix(new JinjaPrimaryParser(cursor, this).Parse());
        }

        return withFilters ? FiltersAndTests(value) : value;
    }

    /// <summary><c>.name</c>, <c>[key]</c>, <c>[a:b:c]</c> and calls after a primary expression.</summary>
    public JinjaExpression Postfix(JinjaExpression value)
    {
        while (true)
        {
            var line = cursor.Current.Line;
            if (cursor.Accept("."))
            {
                var target = value;
                var name = cursor.Current.Kind == JinjaTokenKind.Number ? cursor.Next().Text : cursor.ExpectName();
                value = long.TryParse(name, out var index)
                    ? s => JinjaAccess.Item(target(s), index, line)
                    : s => JinjaAccess.Attribute(target(s), name, line);
            }
            else if (cursor.Accept("["))
            {
                value = Subscript(value, line);
            }
            else if (cursor.Accept("("))
            {
                value = Call(value, line);
            }
            else
            {
                return value;
            }
        }
    }

    private JinjaExpression Subscript(JinjaExpression target, int line)
    {
        JinjaExpression? Part() => cursor.Current.IsOperator(":") || cursor.Current.IsOperator("]") ? null : Parse();
        var start = Part();
        if (!cursor.Accept(":"))
        {
            cursor.Expect("]");
            var key = start!;
            return s => JinjaAccess.Item(target(s), key(s), line);
        }

        var stop = Part();
        var step = cursor.Accept(":") ? Part() : null;
        cursor.Expect("]");
        return s => JinjaAccess.Slice(target(s), start?.Invoke(s), stop?.Invoke(s), step?.Invoke(s), line);
    }

    private JinjaExpression Call(JinjaExpression callee, int line)
    {
        var arguments = Arguments();
        return s => callee(s) switch
        {
            JinjaCallable f => Evaluate(arguments, s, line) is var a ? f.Invoke(a.Positional, a.Named) : null,
            JinjaUndefined u => throw new JinjaException($"{u.Name} is undefined (calling it)", line),
            var other => throw new JinjaException($"{JinjaValues.TypeName(other)} is not callable", line),
        };
    }

    private JinjaExpression FiltersAndTests(JinjaExpression value)
    {
        while (true)
        {
            var line = cursor.Current.Line;
            if (cursor.Accept("|"))
            {
                var filter = JinjaFilters.Get(cursor.ExpectName(), line);
                var arguments = cursor.Accept("(") ? Arguments() : ([], []);
                var target = value;
                value = s => filter(target(s), Evaluate(arguments, s, line));
            }
            else if (cursor.AcceptName("is"))
            {
                var negated = cursor.AcceptName("not");
                var test = JinjaTests.Get(cursor.ExpectName(), line);
                var arguments = cursor.Accept("(") ? Arguments() : SingleArgument();
                var target = value;
                value = s => test(target(s), Evaluate(arguments, s, line)) != negated;
            }
            else if (cursor.Accept("("))
            {
                value = Call(value, line);
            }
            else
            {
                return value;
            }
        }
    }

    // `x is divisibleby 3`: a test may take one argument without parentheses.
    private (List<JinjaExpression>, List<(string, JinjaExpression)>) SingleArgument()
    {
        var current = cursor.Current;
        var starts = current.Kind is JinjaTokenKind.String or JinjaTokenKind.Number
            || (current.Kind == JinjaTokenKind.Name && current.Text is not ("else" or "or" or "and" or "if" or "is" or "in" or "not"))
            || current.IsOperator("[") || current.IsOperator("{");
        return starts ? ([Postfix(new JinjaPrimaryParser(cursor, this).Parse())], []) : ([], []);
    }
}
