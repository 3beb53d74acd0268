using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>The operands of expressions: names, literals (adjacent strings joined), and bracketed tuples, lists and dicts.</summary>
internal sealed class JinjaPrimaryParser(JinjaCursor cursor, JinjaExpressionParser expressions)
{
    public JinjaExpression Parse()
    {
        var token = cursor.Current;
        switch (token.Kind)
        {
            case JinjaTokenKind.Name:
                cursor.Next();
                return Name(token.Text);
            case JinjaTokenKind.String:
                var text = new StringBuilder();
                while (cursor.Current.Kind == JinjaTokenKind.String)
                {
                    text.Append(cursor.Next().Text);
                }

                var value = text.ToString();
                return _ => value;
            case JinjaTokenKind.Number:
                cursor.Next();
                var number = token.Number;
                return _ => number;
        }

        if (cursor.Accept("("))
        {
            if (cursor.Accept(")"))
            {
                return _ => new JinjaTuple([]);
            }

            var inner = expressions.ParseTuple();
            cursor.Expect(")");
            return inner;
        }

        if (cursor.Accept("["))
        {
            var items = Items<JinjaExpression>("]", () => expressions.Parse());
            return s => items.Select(i => i(s)).ToList();
        }

        if (cursor.Accept("{"))
        {
            var pairs = Items("}", () =>
            {
                var key = expressions.Parse();
                cursor.Expect(":");
                var value = expressions.Parse();
                return (Key: key, Value: value, token.Line);
            });
            return s =>
            {
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value, line) in pairs)
                {
                    dict[key(s) as string ?? throw new JinjaException("dict keys must be strings here", line)] = value(s);
                }

                return dict;
            };
        }

        throw cursor.Unexpected("an expression");
    }

    private static JinjaExpression Name(string name) => name switch
    {
        "true" or "True" => _ => true,
        "false" or "False" => _ => false,
        "none" or "None" => _ => null,
        _ => s => s.Get(name),
    };

    private List<T> Items<T>(string close, Func<T> item)
    {
        var items = new List<T>();
        while (!cursor.Accept(close))
        {
            if (items.Count > 0)
            {
                cursor.Expect(",");
                if (cursor.Accept(close))
                {
                    break;
                }
            }

            items.Add(item());
        }

        return items;
    }
}
