using Bogus;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.Training;
using static OfficerTraining.Training.TrainingCategory;

namespace OfficerTraining.Demo;

/// <summary>
/// The in-person sessions (面授) of the demo city's past, each held by every department for its own staff (attendance
/// lists by agency): earlier years as three long courses of 60 class hours in all; last year as eight topics of 60 hours
/// that about one officer in ten partly missed (40–54 h); this year the topics held so far, each attended by some.
/// A round is one topic across the departments: nobody attends twice in a round, so a round is one transaction.
/// </summary>
internal static class DemoTraining
{
    sealed record Topic(string Title, TrainingCategory Category, decimal Hours, int Month, int Day);

    static readonly Topic[] EarlierYears =
    [
        new("公共法律知识集中培训", PublicLaw, 24, 4, 15),
        new("{domain}专业法律知识培训", ProfessionalLaw, 24, 6, 17),
        new("习近平法治思想专题学习", PoliticalTheory, 12, 9, 16),
    ];

    static readonly Topic[] LastYear =
    [
        new("习近平法治思想专题学习", PoliticalTheory, 8, 3, 14),
        new("行政处罚法专题培训", PublicLaw, 8, 4, 11),
        new("行政执法“三项制度”专题培训", PublicLaw, 8, 5, 16),
        new("行政许可法与优化营商环境条例", PublicLaw, 6, 6, 13),
        new("行政复议法（2023年修订）解读", PublicLaw, 6, 7, 11),
        new("{domain}专业法律知识培训", ProfessionalLaw, 12, 9, 12),
        new("执法记录仪使用与证据固定", Skills, 6, 10, 17),
        new("行政强制法与执法文书规范", PublicLaw, 6, 11, 7),
    ];

    static readonly Topic[] ThisYear =
    [
        new("习近平法治思想专题学习", PoliticalTheory, 8, 3, 13),
        new("行政处罚裁量基准专题培训", PublicLaw, 8, 4, 17),
        new("政府信息公开条例解读", PublicLaw, 6, 5, 15),
        new("{domain}专业法律知识培训", ProfessionalLaw, 8, 6, 12),
        new("国家赔偿法与行政应诉", PublicLaw, 6, 7, 10),
        new("河南省优化营商环境条例", PublicLaw, 6, 9, 11),
        new("非现场执法与电子证据", Skills, 8, 10, 16),
        new("行政执法案卷评查", Skills, 6, 11, 13),
    ];

    static readonly Dictionary<EnforcementDomain, string> DomainNames = new()
    {
        [EnforcementDomain.PublicSecurity] = "公安", [EnforcementDomain.UrbanManagement] = "城市管理",
        [EnforcementDomain.MarketRegulation] = "市场监管", [EnforcementDomain.EcologyEnvironment] = "生态环境",
        [EnforcementDomain.CulturalMarket] = "文化市场", [EnforcementDomain.Transport] = "交通运输",
        [EnforcementDomain.EmergencyManagement] = "应急管理",
    };

    /// <param name="staff">Who attends, by agency, for each year (the bureau's invited supervisors only lately).</param>
    /// <param name="shortLastYear">Officers who missed one or two of last year's topics.</param>
    /// <param name="keepsUp">Officers who attend every topic held so far this year (the demo officer: in progress).</param>
    public static List<List<RecordInPersonSession>> Rounds(
        IReadOnlyList<RegisterAgency> agencies, Func<int, Guid, IReadOnlyList<Guid>> staff, IReadOnlySet<Guid> shortLastYear,
        IReadOnlySet<Guid> keepsUp, Faker faker, int seed, DateOnly today)
    {
        var rounds = new List<List<RecordInPersonSession>>();
        var last = today.Year - 1;
        // Which of last year's topics each short officer missed: one or two, never the first (everyone studies 习近平法治思想).
        var missed = shortLastYear.ToDictionary(id => id,
            id => faker.Random.ListItems(Enumerable.Range(1, LastYear.Length - 1).ToList(), faker.Random.Int(1, 2)).ToHashSet());
        for (var year = last - 5; year <= today.Year; year++)
        {
            var topics = year < last ? EarlierYears : year == last ? LastYear : ThisYear;
            for (var t = 0; t < topics.Length; t++)
            {
                var topic = topics[t];
                var heldOn = new DateOnly(year, topic.Month, topic.Day);
                if (heldOn >= today) break;
                var round = new List<RecordInPersonSession>();
                foreach (var agency in agencies)
                {
                    var attendees = staff(year, agency.AgencyId).Where(id => year < last
                        || year == last && !(missed.TryGetValue(id, out var m) && m.Contains(t))
                        || year == today.Year && (keepsUp.Contains(id) || faker.Random.Bool(0.6f))).ToList();
                    if (attendees.Count == 0) continue;
                    round.Add(new RecordInPersonSession(
                        NameBasedId.For($"officer-training/demo/{seed}/training/{year}/{t}/{agency.Code}"), heldOn,
                        Title(topic, agency, year), topic.Hours, topic.Category, attendees));
                }
                rounds.Add(round);
            }
        }
        return rounds;
    }

    static string Title(Topic topic, RegisterAgency agency, int year)
    {
        var domain = agency.Code == JusticeBureau.Code ? "行政执法监督" : string.Join("、", agency.Domains.Select(d => DomainNames[d]));
        return $"{agency.Name}{year}年度{topic.Title.Replace("{domain}", domain, StringComparison.Ordinal)}";
    }
}
