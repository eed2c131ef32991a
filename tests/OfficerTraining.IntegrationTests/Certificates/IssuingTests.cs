using Marten;
using OfficerTraining.Certificates;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Exams;

namespace OfficerTraining.IntegrationTests.Certificates;

public class when_certificates_are_issued(ExamFixture f) : IClassFixture<ExamFixture>
{
    static IssueCertificate Issue(ExamFixture f, int officer) => new(Guid.CreateVersion7(), f.Officers[officer], CertificateKind.Enforcement,
        "首次申领", "《河南省行政执法条例》第二十一条");

    [Fact]
    public async Task an_eligible_officer_gets_the_pattern_s_next_number_found_by_number_and_by_token()
    {
        await CertificateArrange.Qualify(f, [0, 1]);
        var commands = f.Get<CertificateCommands>();

        var first = await commands.Handle(Issue(f, 0), CertificateArrange.CertificateOfficer);
        var second = await commands.Handle(Issue(f, 1), CertificateArrange.CertificateOfficer);

        var prefix = $"豫{f.Department.Code}2026";
        first.Should().MatchRegex($"^{prefix}\\d{{5}}$");
        int.Parse(second[prefix.Length..]).Should().Be(int.Parse(first[prefix.Length..]) + 1, "serials count up per agency and year");
        var register = f.Get<CertificateRegister>();
        var byNumber = await register.ByNumber(first);
        byNumber!.Holder.OfficerId.Should().Be(f.Officers[0]);
        (await register.ByToken(byNumber.Token))!.Number.Should().Be(first);
        (await register.ByToken("not-a-token")).Should().BeNull();
        (await f.Events(byNumber.Id)).Single().UserName.Should().Be("certofficer");

        var again = () => commands.Handle(Issue(f, 0), CertificateArrange.CertificateOfficer);
        (await again.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain(first, "the certificate in force is named");
    }

    [Fact]
    public async Task the_check_lists_what_an_officer_lacks_and_issuing_to_them_is_refused()
    {
        var check = await f.Get<CertificateCommands>().Check(f.Officers[40], CertificateKind.Enforcement);
        check.Missing.Select(r => r.Key).Should().Equal("Eligibility.QualificationPublic", "Eligibility.QualificationProfessional",
            "Eligibility.TrainingHours");

        var act = () => f.Get<CertificateCommands>().Handle(Issue(f, 40), CertificateArrange.CertificateOfficer);
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("Certificate.NotEligible");
        (await f.Get<CertificateRegister>().OfOfficer(f.Officers[40])).Should().BeEmpty();
    }

    [Fact]
    public async Task issuers_working_at_the_same_moment_never_share_a_number()
    {
        var officers = Enumerable.Range(10, 10).ToList();
        await CertificateArrange.Qualify(f, officers);

        var numbers = await Task.WhenAll(officers.Select(i => Task.Run(() =>
            f.Get<CertificateCommands>().Handle(Issue(f, i), CertificateArrange.CertificateOfficer))));

        numbers.Should().OnlyHaveUniqueItems();
        var serials = numbers.Select(n => int.Parse(n[^5..])).Order().ToList();
        (serials[^1] - serials[0]).Should().Be(9, "no serial is skipped either");
    }

    [Fact]
    public async Task two_certificate_officers_issuing_to_one_officer_at_the_same_moment_make_one_certificate()
    {
        await CertificateArrange.Qualify(f, [45]);
        var commands = f.Get<CertificateCommands>();
        Actor[] issuers = [CertificateArrange.CertificateOfficer, new("certofficer2", [Roles.CertificateOfficer])];

        for (var round = 0; round < 3; round++) // the same moment, as near as two tasks get: and again on the one issued
        {
            var outcomes = await Task.WhenAll(issuers.Select(issuer => Task.Run(async () =>
            {
                try
                {
                    return (Number: await commands.Handle(Issue(f, 45), issuer), Refusal: (DomainException?)null);
                }
                catch (DomainException e)
                {
                    return (Number: (string?)null, Refusal: e);
                }
            })));
            outcomes.Count(o => o.Number is not null).Should().BeLessThanOrEqualTo(1, "one officer holds one certificate in force");
            outcomes.Where(o => o.Refusal is not null).Should().OnlyContain(o => o.Refusal!.Key.StartsWith("Certificate.", StringComparison.Ordinal)
                || o.Refusal!.Key == "Stream.Changed");
        }
        (await f.Get<CertificateRegister>().OfOfficer(f.Officers[45])).Should().ContainSingle();
    }

    [Fact]
    public async Task an_agency_batch_previews_who_is_eligible_then_issues_to_exactly_them()
    {
        await CertificateArrange.Qualify(f, [.. Enumerable.Range(20, 5)]);
        var commands = f.Get<CertificateCommands>();

        var preview = await commands.IssueToAgency(f.Department.Id, CertificateKind.Enforcement, "", "", preview: true, CertificateArrange.CertificateOfficer);
        var eligible = preview.Where(l => l.Check.Eligible).Select(l => l.Officer.Id).ToList();
        eligible.Should().Contain(Enumerable.Range(20, 5).Select(i => f.Officers[i])).And.NotContain(f.Officers[40]);
        preview.Should().OnlyContain(l => l.Number == null);

        var run = await commands.IssueToAgency(f.Department.Id, CertificateKind.Enforcement, "批量发证", "第二十一条", preview: false,
            CertificateArrange.CertificateOfficer);
        run.Where(l => l.Number != null).Select(l => l.Officer.Id).Should().BeEquivalentTo(eligible);
        (await commands.IssueToAgency(f.Department.Id, CertificateKind.Enforcement, "批量发证", "第二十一条", preview: false,
            CertificateArrange.CertificateOfficer)).Should().OnlyContain(l => l.Number == null, "everyone eligible now holds one");
    }

    [Fact]
    public async Task only_certificate_officers_and_administrators_issue()
    {
        var act = () => f.Get<CertificateCommands>().Handle(Issue(f, 0), ExamFixture.Trainer);
        (await act.Should().ThrowAsync<DomainException>()).Which.Key.Should().Be("NotAllowed");
    }
}

public class when_a_certificate_is_verified_after_a_change(ExamFixture f) : IClassFixture<ExamFixture>
{
    [Fact]
    public async Task suspension_and_revocation_show_on_the_next_lookup_and_the_past_state_is_kept()
    {
        await CertificateArrange.Qualify(f, [0]);
        var commands = f.Get<CertificateCommands>();
        var register = f.Get<CertificateRegister>();
        var number = await commands.Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[0], CertificateKind.Enforcement, "申领", "第二十一条"),
            CertificateArrange.CertificateOfficer);
        var issued = (await register.ByNumber(number))!;
        var issuedOn = ChinaTime.Today(f.Clock);

        f.Clock.Advance(TimeSpan.FromDays(3));
        await commands.Handle(new SuspendCertificate(issued.Id, "群众投诉，暂扣调查", "《河南省行政执法条例》第四十二条第（六）项", null),
            CertificateArrange.CertificateOfficer);
        (await register.ByToken(issued.Token))!.StatusOn(ChinaTime.Today(f.Clock)).Should().Be(CertificateStatus.Suspended);

        f.Clock.Advance(TimeSpan.FromDays(3));
        await commands.Handle(new RevokeCertificate(issued.Id, "调查属实，吊销", "《河南省行政执法条例》第四十五条"), CertificateArrange.CertificateOfficer);
        (await register.ByToken(issued.Token))!.Status.Should().Be(CertificateStatus.Revoked);

        (await register.AsOf(issued.Id, issuedOn))!.Status.Should().Be(CertificateStatus.Valid);
        (await register.AsOf(issued.Id, issuedOn.AddDays(4)))!.Status.Should().Be(CertificateStatus.Suspended);
        (await register.AsOf(issued.Id, issuedOn.AddDays(-1))).Should().BeNull("it did not exist yet");
        (await register.OfOfficerAsOf(f.Officers[0], issuedOn.AddDays(4))).Should().ContainSingle()
            .Which.Status.Should().Be(CertificateStatus.Suspended);
        var timeline = await register.Timeline(issued.Id);
        timeline.Select(e => e.Data.GetType().Name).Should().Equal(nameof(CertificateIssued), nameof(CertificateSuspended), nameof(CertificateRevoked));
        timeline.Should().OnlyContain(e => e.UserName == "certofficer");
    }

    [Fact]
    public async Task a_replaced_card_s_old_token_shows_void_and_the_new_one_is_in_force()
    {
        await CertificateArrange.Qualify(f, [1]);
        var commands = f.Get<CertificateCommands>();
        var register = f.Get<CertificateRegister>();
        var old = (await register.ByNumber(await commands.Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[1],
            CertificateKind.Enforcement, "申领", "第二十一条"), CertificateArrange.CertificateOfficer)))!;

        var newNumber = await commands.Handle(new ReplaceCertificate(old.Id, Guid.CreateVersion7(), ReplacementCause.Lost, "执法证遗失", "证件管理规定"),
            CertificateArrange.CertificateOfficer);

        var voided = (await register.ByToken(old.Token))!;
        voided.Should().BeEquivalentTo(new { Status = CertificateStatus.Replaced, SuccessorNumber = newNumber });
        var replacement = (await register.ByNumber(newNumber))!;
        replacement.Should().BeEquivalentTo(new { old.ValidFrom, old.ValidUntil, Predecessor = old.Id });
        replacement.InForceOn(ChinaTime.Today(f.Clock)).Should().BeTrue();
    }
}
