namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>An officer picked by name, shown with their agency: 张伟（市城市管理局）.</summary>
public sealed record OfficerChoice(Guid Id, string Display);
