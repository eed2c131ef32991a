using Microsoft.Playwright;
using OfficerTraining.EndToEndTests.Harness;

namespace OfficerTraining.EndToEndTests.Journeys;

/// <summary>The other journeys prove the pages run under the Content-Security-Policy (Journey.Passed fails on any
/// refusal); this one proves the policy bites: script that found its way into a page's content does not run.</summary>
public class The_security_policy(E2EApp app)
{
    [Fact]
    public async Task refuses_an_inline_script_and_an_inline_handler_injected_into_a_live_page_while_the_page_keeps_working()
    {
        await using var journey = Journey.Start(app, "security-policy");
        var officer = await journey.As("officer");
        await Journey.Open(officer, "/");
        journey.Refusals.Should().BeEmpty("the signed-in home page runs under the policy");

        // As if a stored text reached the page unescaped: a script element and an image with an onerror handler.
        await officer.EvaluateAsync("""
            () => {
                const main = document.querySelector('main');
                const script = document.createElement('script');
                script.textContent = 'window.__injected = "script ran"';
                main.appendChild(script);
                main.insertAdjacentHTML('beforeend', '<img id="injected" src="/no-such-image.png" onerror="window.__injected = \'handler ran\'">');
            }
            """);
        await Assertions.Expect(officer.Locator("#injected")).ToBeAttachedAsync();
        await officer.WaitForTimeoutAsync(1_000); // the image fails to load, its handler would run now
        (await officer.EvaluateAsync<string?>("() => window.__injected ?? null")).Should().BeNull("neither the script nor the handler ran");
        var refusals = journey.Refusals;
        refusals.Should().Contain(r => r.Contains("script-src-elem refused inline"), string.Join("\n", refusals));
        refusals.Should().Contain(r => r.Contains("script-src-attr refused inline"), string.Join("\n", refusals));
        journey.ForgetRefusals();

        // Blazor still works on the page: the circuit navigates to 课程学习.
        await officer.GetByRole(AriaRole.Link, new() { Name = "课程学习" }).First.ClickAsync();
        await officer.WaitForURLAsync("**/courses");
        journey.Passed();
    }
}
