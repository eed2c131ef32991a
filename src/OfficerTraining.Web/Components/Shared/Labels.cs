using Microsoft.Extensions.Localization;
using OfficerTraining.Agencies;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Components.Shared;

/// <summary>Display names of domain values, from the shared resources (keys "Domain.X", "Level.X", ...).</summary>
public static class Labels
{
    public static string Of(this IStringLocalizer l, EnforcementDomain d) => l[$"Domain.{d}"];
    public static string Of(this IStringLocalizer l, AgencyLevel level) => l[$"Level.{level}"];
    public static string Of(this IStringLocalizer l, EmploymentType t) => l[$"Employment.{t}"];
    public static string Of(this IStringLocalizer l, Gender g) => l[$"Gender.{g}"];
    public static string Role(this IStringLocalizer l, string role) => l[$"Role.{role}"];

    public static string Of(this IStringLocalizer l, IEnumerable<EnforcementDomain> domains) =>
        string.Join(l["Common.ListSeparator"], domains.Select(d => l.Of(d)));
}
