using OfficerTraining.Agencies;
using OfficerTraining.Officers;
using static OfficerTraining.Agencies.EnforcementDomain;

namespace OfficerTraining.Demo;

/// <summary>The fixed tables of the demo city: which agencies exist (real area codes of 平顶山), how many officers each
/// department has, and the positions people hold. Only people (names, ID numbers, ids) are drawn at random.</summary>
internal static class DemoCityData
{
    /// <summary>One agency of the tree; <see cref="Headcount"/> officers work in a department, none in a city or county.</summary>
    internal sealed record AgencyRow(
        string Code, string Name, AgencyLevel Level, string? ParentCode, EnforcementDomain[] Domains, int Headcount = 0)
    {
        public bool IsPolice => Domains is [PublicSecurity];

        /// <summary>The area code its code starts with; a county's staff are mostly born there.</summary>
        public string AreaCode => Code[..6];
    }

    public const string CityCode = "410400";

    /// <summary>The department whose established officer gets the "officer" demo account.</summary>
    public const string OfficerAccountAgencyCode = "410400CG01";

    /// <summary>Parents before children; headcounts sum to 500, larger for 公安, 市场监管 and 城市管理.</summary>
    public static readonly AgencyRow[] Agencies =
    [
        new(CityCode, "平顶山市", AgencyLevel.City, null, []),
        new("410402", "新华区", AgencyLevel.County, CityCode, []),
        new("410403", "卫东区", AgencyLevel.County, CityCode, []),
        new("410421", "宝丰县", AgencyLevel.County, CityCode, []),
        new("410422", "叶县", AgencyLevel.County, CityCode, []),

        new("410400GA01", "平顶山市公安局", AgencyLevel.Department, CityCode, [PublicSecurity], 65),
        new("410400CG01", "平顶山市城市管理局", AgencyLevel.Department, CityCode, [UrbanManagement], 50),
        new("410400SJ01", "平顶山市市场监督管理局", AgencyLevel.Department, CityCode, [MarketRegulation], 50),
        new("410400HB01", "平顶山市生态环境局", AgencyLevel.Department, CityCode, [EcologyEnvironment], 25),
        new("410400WL01", "平顶山市文化广电和旅游局", AgencyLevel.Department, CityCode, [CulturalMarket], 20),
        new("410400JT01", "平顶山市交通运输局", AgencyLevel.Department, CityCode, [Transport], 25),
        new("410400YJ01", "平顶山市应急管理局", AgencyLevel.Department, CityCode, [EmergencyManagement], 20),

        new("410402CG01", "新华区城市管理局", AgencyLevel.Department, "410402", [UrbanManagement], 30),
        new("410402SJ01", "新华区市场监督管理局", AgencyLevel.Department, "410402", [MarketRegulation], 30),
        new("410403CG01", "卫东区城市管理局", AgencyLevel.Department, "410403", [UrbanManagement], 25),
        new("410403SJ01", "卫东区市场监督管理局", AgencyLevel.Department, "410403", [MarketRegulation], 25),
        new("410421GA01", "宝丰县公安局", AgencyLevel.Department, "410421", [PublicSecurity], 35),
        new("410421SJ01", "宝丰县市场监督管理局", AgencyLevel.Department, "410421", [MarketRegulation], 25),
        new("410422GA01", "叶县公安局", AgencyLevel.Department, "410422", [PublicSecurity], 30),
        new("410422SJ01", "叶县市场监督管理局", AgencyLevel.Department, "410422", [MarketRegulation], 25),
        // A county's combined enforcement bureau (综合行政执法局) holds several domains; its officers hold one or more.
        new("410422ZH01", "叶县综合行政执法局", AgencyLevel.Department, "410422",
            [UrbanManagement, EcologyEnvironment, CulturalMarket, Transport], 20),
    ];

    /// <summary>Administrative divisions of 平顶山 (GB/T 2260): 新华区, 卫东区, 石龙区, 湛河区, 宝丰县, 叶县, 鲁山县, 郏县,
    /// 舞钢市, 汝州市. People are born anywhere in the city, most near where they work.</summary>
    public static readonly string[] AreaCodes =
        ["410402", "410403", "410404", "410411", "410421", "410422", "410423", "410425", "410481", "410482"];

    /// <summary>Established staff: leading posts, one per so many officers of the department (at least the minimum);
    /// then the staff post for everybody else.</summary>
    public static readonly (string Title, int Per, int Min)[] PoliceLeaders =
        [("副局长", 40, 1), ("大队长", 35, 1), ("所长", 20, 0), ("副所长", 20, 0), ("警长", 12, 0)];

    public static readonly (string Title, int Per, int Min)[] Leaders =
        [("副局长", 40, 1), ("大队长", 35, 1), ("中队长", 12, 0), ("科长", 18, 0), ("副科长", 18, 0)];

    public static readonly string[] PoliceStaff = ["民警"];
    public static readonly string[] Staff = ["执法队员", "科员"];

    /// <summary>The position of someone who is not established staff, by department kind.</summary>
    public static string NonEstablishedPosition(EmploymentType type, bool police) => (type, police) switch
    {
        (EmploymentType.Auxiliary, true) => "辅警",
        (EmploymentType.Auxiliary, false) => "协管员",
        (EmploymentType.Contract, true) => "文职人员",
        (EmploymentType.Contract, false) => "执法队员",
        _ => "文员",
    };

    public static readonly EmploymentType[] EmploymentTypes =
        [EmploymentType.Established, EmploymentType.Contract, EmploymentType.Auxiliary, EmploymentType.Temporary];

    public static readonly float[] EmploymentWeights = [0.85f, 0.07f, 0.06f, 0.02f];

    public const float MaleShare = 0.72f;

    /// <summary>Bogus' zh_CN given names are mostly men's names; women draw from this list (with a Bogus surname).</summary>
    public static readonly string[] FemaleGivenNames =
    [
        "秀英", "桂英", "丽娟", "静", "敏", "婷婷", "雪梅", "玉兰", "晓燕", "海燕", "丹丹", "佳怡", "欣怡", "梦瑶", "雨婷",
        "思琪", "慧敏", "春梅", "美玲", "丽华", "淑芬", "艳", "娜", "琳", "颖", "佳琪", "晓雯", "文静", "紫涵", "诗涵",
        "欣妍", "亚楠", "红霞", "晓丽", "秀兰", "凤英", "利娟", "莉", "倩", "晓静", "雅琴", "素珍", "玉洁", "梦洁",
    ];

    /// <summary>Ages 23–58 on this date; a fixed date, so the same seed gives the same birth dates in any year.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);
    public const int MinAge = 23;
    public const int MaxAge = 58;
}
