namespace OfficerTraining.Training;

/// <summary>The four categories every class hour is filed under.</summary>
public enum TrainingCategory
{
    /// <summary>公共法律知识</summary>
    PublicLaw,
    /// <summary>专业法律知识</summary>
    ProfessionalLaw,
    /// <summary>政治理论 (习近平法治思想 is filed here)</summary>
    PoliticalTheory,
    /// <summary>技能</summary>
    Skills,
}

/// <summary>Where a credit came from: every credit names its source.</summary>
public enum CreditSource
{
    Course,
    InPerson,
    Adjustment,
}
