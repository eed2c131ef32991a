using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.QuestionBank;

/// <summary>Well-formed question contents to start specifications from.</summary>
public static class Questions
{
    public static QuestionContent Single(string stem = "限制人身自由的行政处罚，只能由下列哪一种规范设定？") => new(
        QuestionType.Single, stem, ["法律", "行政法规", "地方性法规", "部门规章"], [0],
        "《行政处罚法》第十条第二款：限制人身自由的行政处罚，只能由法律设定。", [new Citation("行政处罚法", 10)],
        ["设定"], QuestionCategory.Public, null, 1, []);

    public static QuestionContent TrueFalse(bool key = true) => new(
        QuestionType.TrueFalse, "行政机关可以在法定权限内书面委托符合条件的组织实施行政处罚。", QuestionItem.TrueFalseOptions,
        [key ? 0 : 1], "第二十条第一款。", [new Citation("行政处罚法", 20)], [], QuestionCategory.Public, null, 2, []);

    public static QuestionItem Item(QuestionContent c) => new(c.Type, c.Stem, c.Options, c.Correct, c.Explanation, c.Citations);

    public static QuestionContent Case(params QuestionItem[] subs) => new(
        QuestionType.Case, "某县市场监督管理局拟对某超市处以五千元罚款。", [], [], "", [], ["案例"], QuestionCategory.Public, null, 3,
        subs.Length > 0 ? subs : [Item(Single()), Item(TrueFalse())]);
}
