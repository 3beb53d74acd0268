namespace MmluSharp.Prompting.Jinja;

/// <summary>Python's arithmetic on template values, and Jinja's <c>~</c> (concatenation of the operands' <c>str()</c>).</summary>
internal static class JinjaOperators
{
    public static object? Binary(string op, object? a, object? b, int line)
    {
        if (op == "~")
        {
            return JinjaValues.Str(a) + JinjaValues.Str(b);
        }

        if ((a as JinjaUndefined ?? b as JinjaUndefined) is { } undefined)
        {
            throw new JinjaException($"{undefined.Name} is undefined", line);
        }

        try
        {
            return op switch
            {
                "+" => Add(a, b, line),
                "-" => Number(a, b, line, (x, y) => checked(x - y), (x, y) => x - y),
                "*" => Multiply(a, b, line),
                "/" => Divide(a, b, line) is var (x, y) ? x / y : 0,
                "//" => FloorDivide(a, b, line),
                "%" => Modulo(a, b, line),
                "**" => Power(a, b, line),
                _ => throw new JinjaException($"unknown operator {op}", line),
            };
        }
        catch (OverflowException)
        {
            throw new JinjaException($"the result of {op} is too large", line);
        }
    }

    public static object? Negate(object? value, int line) => value switch
    {
        long l => (object)checked(-l),
        double d => -d,
        bool b => b ? -1L : 0L,
        _ => throw new JinjaException($"cannot negate {JinjaValues.TypeName(value)}", line),
    };

    private static object? Add(object? a, object? b, int line) => (a, b) switch
    {
        (string x, string y) => x + y,
        (List<object?> x, List<object?> y) => new List<object?>(x.Concat(y)),
        _ => Number(a, b, line, (x, y) => checked(x + y), (x, y) => x + y),
    };

    private static object? Multiply(object? a, object? b, int line) => (a, b) switch
    {
        (string s, long n) => string.Concat(Enumerable.Repeat(s, (int)Math.Max(0, n))),
        (long n, string s) => string.Concat(Enumerable.Repeat(s, (int)Math.Max(0, n))),
        (List<object?> l, long n) => new List<object?>(Enumerable.Repeat(l, (int)Math.Max(0, n)).SelectMany(x => x)),
        _ => Number(a, b, line, (x, y) => checked(x * y), (x, y) => x * y),
    };

    private static object FloorDivide(object? a, object? b, int line)
    {
        var (x, y) = Divide(a, b, line);
        return a is long or bool && b is long or bool ? (object)FloorDiv(JinjaValues.ToLong(a), JinjaValues.ToLong(b)) : Math.Floor(x / y);
    }

    private static object Power(object? a, object? b, int line)
    {
        if (a is long or bool && b is long or bool && JinjaValues.ToLong(b) >= 0)
        {
            var (x, n) = (JinjaValues.ToLong(a), JinjaValues.ToLong(b));
            long result = 1;
            for (var i = 0L; i < n; i++)
            {
                result = checked(result * x);
            }

            return result;
        }

        if (!JinjaValues.IsNumber(a) || !JinjaValues.IsNumber(b))
        {
            throw new JinjaException($"unsupported operands {JinjaValues.TypeName(a)} and {JinjaValues.TypeName(b)}", line);
        }

        return Math.Pow(JinjaValues.ToDouble(a), JinjaValues.ToDouble(b));
    }

    private static object? Modulo(object? a, object? b, int line)
    {
        if (a is string)
        {
            throw new JinjaException("string formatting with % is not supported; use ~ or the format filter", line);
        }

        var (_, q) = Divide(a, b, line);
        if (a is long or bool && b is long or bool)
        {
            var (x, y) = (JinjaValues.ToLong(a), JinjaValues.ToLong(b));
            return x - (FloorDiv(x, y) * y);
        }

        var p = JinjaValues.ToDouble(a);
        return p - (Math.Floor(p / q) * q);
    }

    private static (double X, double Y) Divide(object? a, object? b, int line)
    {
        if (!JinjaValues.IsNumber(a) || !JinjaValues.IsNumber(b))
        {
            throw new JinjaException($"cannot divide {JinjaValues.TypeName(a)} by {JinjaValues.TypeName(b)}", line);
        }

        var y = JinjaValues.ToDouble(b);
        return y == 0 ? throw new JinjaException("division by zero", line) : (JinjaValues.ToDouble(a), y);
    }

    private static long FloorDiv(long x, long y) => (x / y) - ((x % y != 0) && ((x < 0) ^ (y < 0)) ? 1 : 0);

    private static object Number(object? a, object? b, int line, Func<long, long, long> integers, Func<double, double, double> floats)
    {
        if (!JinjaValues.IsNumber(a) || !JinjaValues.IsNumber(b))
        {
            throw new JinjaException($"unsupported operands {JinjaValues.TypeName(a)} and {JinjaValues.TypeName(b)}", line);
        }

        return a is double || b is double
            ? floats(JinjaValues.ToDouble(a), JinjaValues.ToDouble(b))
            : (object)integers(JinjaValues.ToLong(a), JinjaValues.ToLong(b));
    }
}
