using OfficerTraining.Agencies;
using OfficerTraining.QuestionBank;

namespace OfficerTraining.Tests.QuestionBank;

public class when_checking_a_question
{
    static IEnumerable<string> Fields(QuestionContent q) => QuestionRules.Structure(q).Select(p => p.Field);

    [Fact]
    public void the_examples_are_well_formed_and_complete()
    {
        foreach (var q in new[] { Questions.Single(), Questions.TrueFalse(), Questions.Case() })
        {
            QuestionRules.Structure(q).Should().BeEmpty();
            QuestionRules.Completeness(q, LawLibrary.Shipped).Should().BeEmpty();
        }
    }

    [Fact]
    public void a_single_choice_needs_exactly_one_key_among_at_least_two_options()
    {
        Fields(Questions.Single() with { Correct = [0, 1] }).Should().Equal("answer");
        Fields(Questions.Single() with { Correct = [7] }).Should().Contain("answer");
        Fields(Questions.Single() with { Options = ["法律"], Correct = [0] }).Should().Equal("options");
    }

    [Fact]
    public void a_multiple_choice_needs_two_keys_and_distinct_options()
    {
        var multiple = Questions.Single() with { Type = QuestionType.Multiple };
        Fields(multiple).Should().Equal("answer");
        Fields(multiple with { Correct = [0, 1], Options = ["法律", "法律", "规章"] }).Should().Equal("options");
    }

    [Fact]
    public void an_empty_stem_is_reported_once()
    {
        Fields(Questions.Single(" ")).Should().Equal("stem");
        Fields(Questions.Case() with { Stem = "" }).Should().Equal("stem");
    }

    [Fact]
    public void a_true_false_question_has_the_fixed_options() =>
        Fields(Questions.TrueFalse() with { Options = ["对", "错"] }).Should().Equal("options");

    [Fact]
    public void a_case_has_two_to_five_sub_questions_and_no_options_of_its_own()
    {
        Fields(Questions.Case(Questions.Item(Questions.Single()))).Should().Equal("questions");
        Fields(Questions.Case() with { Options = ["x", "y"] }).Should().Equal("options");
        var broken = Questions.Item(Questions.Single()) with { Correct = [] };
        Fields(Questions.Case(broken, Questions.Item(Questions.TrueFalse()))).Should().Equal("questions[1].answer");
    }

    [Fact]
    public void professional_knowledge_names_its_domain_and_public_knowledge_does_not()
    {
        Fields(Questions.Single() with { Category = QuestionCategory.Professional }).Should().Equal("domain");
        Fields(Questions.Single() with { Domain = EnforcementDomain.Transport }).Should().Equal("domain");
    }

    [Fact]
    public void completeness_needs_an_explanation_and_a_citation_of_an_article_that_exists()
    {
        var fields = (QuestionContent q) => QuestionRules.Completeness(q, LawLibrary.Shipped).Select(p => p.Field);
        fields(Questions.Single() with { Explanation = " " }).Should().Equal("explanation");
        fields(Questions.Single() with { Citations = [] }).Should().Equal("citations");
        fields(Questions.Single() with { Citations = [new("行政处罚法", 87)] }).Should().Equal("citations");
        fields(Questions.Single() with { Citations = [new("治安管理处罚法", 1)] }).Should().Equal("citations");
    }
}
