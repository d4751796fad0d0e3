using System.Net;
using Coop.Data;
using Coop.Web.Tests.Support;

namespace Coop.Web.Tests.Accounts;

[TestFixture]
public sealed class RateLimitTests() : AppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Account:PermitLimit"] = "3",
        ["RateLimits:Account:WindowSeconds"] = "600",
    };

    [TestCase("/account/login")]
    [TestCase("/account/register")]
    [TestCase("/account/forgot-password")]
    public async Task Repeated_attempts_get_429_with_a_readable_page(string path)
    {
        var browser = App.Visitor();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await browser.SubmitAsync(path, path, new Dictionary<string, string> { ["Email"] = "x@test.coop", ["Password"] = "x" })).Status);
        Assert.That(statuses.Take(3), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        var page = await browser.SubmitAsync(path, path, new Dictionary<string, string>());
        Assert.That(page.Contains("Trop de tentatives"), Is.True);
        Assert.That(page.Response.Headers.RetryAfter, Is.Not.Null);
    }
}
