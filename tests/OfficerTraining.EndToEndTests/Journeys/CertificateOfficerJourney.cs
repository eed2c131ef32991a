using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;

namespace OfficerTraining.EndToEndTests.Journeys;

public class A_certificate_officer(E2EApp app)
{
    [Fact]
    public async Task issues_the_demo_officer_a_certificate_suspends_it_and_the_public_page_from_its_QR_shows_暂扣()
    {
        await using var journey = Journey.Start(app, "certificate-officer");
        var office = await journey.As("certofficer");
        await Journey.Open(office, "/certificates/issue");
        await office.GetByLabel("执法人员（按姓名查找）").FillAsync("邓思远");
        await office.Locator(".mud-popover .mud-list-item").First.ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Button, new() { Name = "发证", Exact = true })).ToBeEnabledAsync();
        await journey.Screenshot(office, "certificate-eligibility");
        await office.GetByRole(AriaRole.Button, new() { Name = "发证", Exact = true }).ClickAsync();
        var number = office.Locator("a[href^='/certificates/']").Filter(new() { HasTextRegex = new("^豫") }).First;
        await Assertions.Expect(number).ToBeVisibleAsync();
        var details = await number.GetAttributeAsync("href");

        var officer = await journey.As("officer", 430, 900);
        await officer.GotoAsync("/my/certificate");
        var qrUrl = await officer.Locator(".certificate-qr").First.GetAttributeAsync("title");
        qrUrl.Should().Contain("/verify/");
        await journey.Screenshot(officer, "my-certificate", fullPage: true);

        var citizen = await journey.As(null, 390, 844);
        await citizen.GotoAsync(qrUrl!);
        await Assertions.Expect(citizen.Locator("body")).ToContainTextAsync("有效");
        await journey.Screenshot(citizen, "verification-valid", fullPage: true);

        await Journey.Open(office, details!);
        await office.Locator(".mud-chip", new() { HasText = "暂扣" }).First.ClickAsync();
        await office.GetByLabel("原因").FillAsync("群众投诉执法态度问题，暂扣调查");
        await office.GetByLabel("法律依据").FillAsync("《河南省行政执法条例》第四十二条第（六）项");
        await office.Locator("button.mud-button-filled", new() { HasText = "暂扣" }).ClickAsync();
        await Assertions.Expect(office.Locator("body")).ToContainTextAsync("群众投诉执法态度问题");
        await journey.Screenshot(office, "certificate-details", fullPage: true);

        await citizen.ReloadAsync();
        await Assertions.Expect(citizen.Locator("body")).ToContainTextAsync("暂扣");
        (await citizen.Locator("body").InnerTextAsync()).Should().NotContain("有效期至", "a suspended certificate is not shown as valid");
        await journey.Screenshot(citizen, "verification-suspended", fullPage: true);
        journey.Passed();
    }
}
