using OfficerTraining.Agencies;
using OfficerTraining.Exams;

namespace OfficerTraining.Web.Features.Exams.Managing;

/// <summary>Who may sit the session, as the schedule form edits it: everyone, or any mix of agencies, domains and
/// named officers (an officer is on the roster when any of them includes them).</summary>
public sealed class RosterDraft
{
    public bool Everyone { get; set; } = true;
    public IReadOnlyCollection<Guid> AgencyIds { get; set; } = [];
    public IReadOnlyCollection<EnforcementDomain> Domains { get; set; } = [];
    public IReadOnlyList<OfficerChoice> Officers { get; set; } = [];

    public Roster ToRoster() => Everyone
        ? Roster.All
        : new Roster(false, [.. AgencyIds], [.. Domains], [.. Officers.Select(o => o.Id)]);
}
