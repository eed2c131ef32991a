using OfficerTraining.Agencies;

namespace OfficerTraining.Officers;

/// <summary>
/// The columns of an officer CSV file. Headers may be Chinese or English; domains are separated by 、 ; or |
/// and may be written in Chinese (城市管理) or as code names (UrbanManagement).
/// </summary>
public static class OfficerCsv
{
    public static readonly (string Field, string[] Headers)[] Columns =
    [
        ("name", ["姓名", "name"]),
        ("national_id", ["身份证号", "公民身份号码", "national_id"]),
        ("agency_code", ["执法主体编码", "agency_code"]),
        ("position", ["职务", "position"]),
        ("domains", ["执法领域", "domains"]),
        ("employment_type", ["用工性质", "employment_type"]),
    ];

    public static readonly IReadOnlyDictionary<string, EnforcementDomain> DomainNames =
        new Dictionary<string, EnforcementDomain>(StringComparer.OrdinalIgnoreCase)
        {
            ["公安"] = EnforcementDomain.PublicSecurity, ["城市管理"] = EnforcementDomain.UrbanManagement,
            ["市场监管"] = EnforcementDomain.MarketRegulation, ["生态环境"] = EnforcementDomain.EcologyEnvironment,
            ["文化市场"] = EnforcementDomain.CulturalMarket, ["交通运输"] = EnforcementDomain.Transport,
            ["应急管理"] = EnforcementDomain.EmergencyManagement,
        };

    public static readonly IReadOnlyDictionary<string, EmploymentType> EmploymentTypeNames =
        new Dictionary<string, EmploymentType>(StringComparer.OrdinalIgnoreCase)
        {
            ["在编在职"] = EmploymentType.Established, ["合同制"] = EmploymentType.Contract,
            ["辅助执法人员"] = EmploymentType.Auxiliary, ["临时聘用"] = EmploymentType.Temporary,
            ["特邀行政执法监督员"] = EmploymentType.InvitedSupervisor,
        };

    public static bool TryParseDomains(string text, out List<EnforcementDomain> domains, out string? unknown)
    {
        domains = [];
        unknown = null;
        foreach (var part in text.Split(['、', ';', '；', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DomainNames.TryGetValue(part, out var d) || Enum.TryParse(part, ignoreCase: true, out d) && Enum.IsDefined(d))
                domains.Add(d);
            else
            {
                unknown = part;
                return false;
            }
        }
        return true;
    }

    public static bool TryParseEmploymentType(string text, out EmploymentType type) =>
        EmploymentTypeNames.TryGetValue(text.Trim(), out type)
        || Enum.TryParse(text.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);
}
