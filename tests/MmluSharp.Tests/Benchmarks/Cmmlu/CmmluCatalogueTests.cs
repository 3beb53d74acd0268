using MmluSharp.Benchmarks.Cmmlu;

namespace MmluSharp.Tests.Benchmarks.Cmmlu;

public class CmmluCatalogueTests
{
    [Fact]
    public void Subjects_fall_in_the_four_categories_of_categories_py_with_15_also_china_specific()
    {
        var catalogue = CmmluCatalogue.Catalogue;
        Assert.Equal(["STEM", "Humanities", "Social Science", "Other"], catalogue.Categories);
        var perCategory = catalogue.Subjects.Values.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["STEM"] = 17, ["Humanities"] = 13, ["Social Science"] = 22, ["Other"] = 15 }, perCategory);
        Assert.Equal(15, CmmluCatalogue.ChinaSpecificSubjects.Count);

        Assert.Equal(("linguistics", "Social Science"), (catalogue.Get("ancient_chinese").Subcategory, catalogue.Get("ancient_chinese").Category));
        Assert.Equal(("statistics", "STEM"), (catalogue.Get("college_medical_statistics").Subcategory, catalogue.Get("college_medical_statistics").Category));
        Assert.Equal("Humanities", catalogue.Get("world_religions").Category);
        Assert.Contains("chinese_driving_rule", CmmluCatalogue.ChinaSpecificSubjects);
        Assert.Equal("高中物理学", CmmluCatalogue.ChineseNames["high_school_physics"]);
    }
}
