using System.Globalization;
using MmluSharp.Benchmarks.Cmmlu;
using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.Cmmlu;

public class CmmluDirectoryTests
{
    private static readonly CmmluDirectory Shared = new(SharedData.Dataset("cmmlu"));

    [Fact]
    public void The_shared_files_hold_67_subjects_dev_335_and_test_11582_questions()
    {
        var subjects = Shared.Subjects("test");
        Assert.Equal(67, subjects.Count);
        Assert.Equal(subjects, Shared.Subjects("dev"));
        Assert.Equal(subjects, CmmluCatalogue.Catalogue.Subjects.Keys.Order(StringComparer.Ordinal));

        var test = subjects.SelectMany(s => Shared.Read("test", s)).ToList();
        var dev = subjects.SelectMany(s => Shared.Read("dev", s)).ToList();
        Assert.Equal(11_582, test.Count);
        Assert.Equal(335, dev.Count);
        Assert.All(subjects, s => Assert.Equal(5, Shared.Read("dev", s).Count));

        var answers = test.GroupBy(q => q.AnswerLetter).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2926, ["B"] = 2883, ["C"] = 2877, ["D"] = 2896 }, answers);
        Assert.All(test, q => Assert.Equal(4, q.Choices.Count));
    }

    [Fact]
    public void Fields_are_kept_exactly_including_surrounding_whitespace()
    {
        var first = Shared.Read("test", "agronomy")[0];
        Assert.Equal(("cmmlu", "agronomy", "test", 0, 1), (first.Benchmark, first.Subject, first.Split, first.Index, first.AnswerIndex));
        Assert.Equal("在农业生产中被当作极其重要的劳动对象发挥作用，最主要的不可替代的基本生产资料是", first.Text);
        Assert.Equal(["农业生产工具", "土地", "劳动力", "资金"], first.Choices);
        var untrimmed = Shared.Subjects("test").SelectMany(s => Shared.Read("test", s))
            .Count(q => q.Text != q.Text.Trim() || q.Choices.Any(c => c != c.Trim()));
        Assert.Equal(256, untrimmed);
    }

    [Fact]
    public void The_only_column_pandas_reads_as_numbers_prints_back_to_the_same_text()
    {
        // The authors read with pandas, which turns an all-numeric column into float64 and str.format prints it
        // with the shortest round-trip digits; for the one such column set in the data that is the text itself.
        var dev = Shared.Read("dev", "college_actuarial_science");
        foreach (var choice in dev.SelectMany(q => q.Choices))
        {
            Assert.Equal(choice, double.Parse(choice, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_bad_answer_names_the_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("cmmlu-bad").FullName;
        Directory.CreateDirectory(Path.Combine(root, "test"));
        var path = Path.Combine(root, "test", "agronomy.csv");
        File.WriteAllText(path, ",Question,A,B,C,D,Answer\n0,q,a,b,c,d,A\n1,q,a,b,c,d,E\n");

        var error = Assert.Throws<DatasetException>(() => new CmmluDirectory(root).Read("test", "agronomy"));
        Assert.Equal($"{path}:3: answer 'E' is not a letter A–D", error.Message);
    }

    [Fact]
    public void A_missing_header_or_a_wrong_row_index_is_an_error()
    {
        var root = Directory.CreateTempSubdirectory("cmmlu-bad").FullName;
        Directory.CreateDirectory(Path.Combine(root, "dev"));
        var path = Path.Combine(root, "dev", "arts.csv");
        File.WriteAllText(path, "0,q,a,b,c,d,A\n");
        Assert.Contains(":1: expected the header row", Assert.Throws<DatasetException>(() => new CmmluDirectory(root).Read("dev", "arts")).Message, StringComparison.Ordinal);

        File.WriteAllText(path, ",Question,A,B,C,D,Answer\n0,q,a,b,c,d,A\n5,q,a,b,c,d,B\n");
        Assert.Contains(":3: row index '5' should be 1", Assert.Throws<DatasetException>(() => new CmmluDirectory(root).Read("dev", "arts")).Message, StringComparison.Ordinal);
    }
}
