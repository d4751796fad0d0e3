using System.Net;
using System.Text.Json.Nodes;
using Coop.Data;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Domain.Treasury;
using Coop.Web.Tests.Governance;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Treasury;

/// <summary>A SCIC whose admin Ana is also treasurer, with online payment on a connected account and this year's dues called.</summary>
public sealed record TreasuryCoop(Scic Coop, string Account, PageClient Ana)
{
    public string Slug => Coop.Slug;

    public static async Task<TreasuryCoop> CreateAsync(CoopApp app, bool sepa = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        var coop = await Scic.CreateAsync(app.Services, LegalForm.Scic, ("Ana", "Salariés"), ("Bruno", "Salariés"), ("Chloé", "Usagers"), ("David", "Soutiens"));
        await using (var scope = coop.Scope(app.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            (await db.Members.SingleAsync(m => m.Id == coop.Admin.Member.Id)).ChangeRoles(MemberRoles.Admin | MemberRoles.Treasurer);
            await db.SaveChangesAsync();
        }
        var account = "acct_" + coop.Slug.Replace("-", "", StringComparison.Ordinal);
        var ana = await coop.SignInAsync(app, "Ana");
        var settings = $"/c/{coop.Slug}/treasury/settings";
        var saved = await ana.SubmitAsync(settings, settings, new Dictionary<string, string>
        {
            ["StripeAccountId"] = account, ["SepaDebit"] = sepa ? "true" : "false", ["WalletMinimum"] = "5",
        });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), saved.Html);
        var plans = $"/c/{coop.Slug}/treasury/plans";
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Cotisation", ["Period"] = "Yearly", ["StartsOn"] = $"{DateTime.UtcNow.Year}-01-01", ["Standard"] = "30", ["GraceDays"] = "30",
        };
        // The users' college pays the reduced tariff: 10.
        await using (var scope = coop.Scope(app.Services))
        {
            var categories = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().MemberCategories.OrderBy(c => c.Name).ToListAsync();
            for (var i = 0; i < categories.Count; i++)
            {
                fields[$"Tariffs[{i}].CategoryId"] = categories[i].Id.ToString();
                fields[$"Tariffs[{i}].Kind"] = categories[i].Name == "Usagers" ? "Reduced" : "Standard";
                fields[$"Tariffs[{i}].Amount"] = categories[i].Name == "Usagers" ? "10" : "";
            }
        }
        Assert.That((await ana.SubmitAsync(plans, plans, fields)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Guid planId;
        await using (var scope = coop.Scope(app.Services))
            planId = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().DuesPlans.Select(p => p.Id).SingleAsync();
        Assert.That((await ana.SubmitAsync(plans, $"{plans}/{planId}/call", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
        return new TreasuryCoop(coop, account, ana);
    }

    public async Task<T> ReadAsync<T>(CoopApp app, Func<CoopDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Coop.Scope(app.Services);
        return await read(scope.ServiceProvider.GetRequiredService<CoopDbContext>());
    }

    public Task<DuesCall> CallOfAsync(CoopApp app, string name) =>
        ReadAsync(app, db => db.DuesCalls.AsNoTracking().SingleAsync(c => c.MemberId == Coop.Person(name).Member.Id));

    /// <summary>The member clicks "pay online" for their dues: the app answers with a redirect to the hosted checkout.</summary>
    public async Task<string> StartCheckoutAsync(CoopApp app, FakeStripe stripe, PageClient member, string name)
    {
        ArgumentNullException.ThrowIfNull(stripe);
        ArgumentNullException.ThrowIfNull(member);
        var call = await CallOfAsync(app, name);
        var started = await member.SubmitAsync($"/c/{Slug}/dues", $"/c/{Slug}/dues/{call.Id}/pay", new Dictionary<string, string>());
        Assert.That(started.Status, Is.EqualTo(HttpStatusCode.Redirect), started.Html);
        var sessionId = started.Location!.AbsolutePath.Split('/')[^1];
        Assert.That(started.Location.ToString(), Does.StartWith(stripe.BaseUrl.ToString()));
        return sessionId;
    }

    public Task<HttpResponseMessage> DeliverAsync(CoopApp app, string eventId, string type, JsonObject data) =>
        FakeStripe.SendAsync(app.CreateClient(), FakeStripe.Event(eventId, type, data, Account));

    /// <summary>Balances by account, read from the lines.</summary>
    public Task<Dictionary<string, long>> BalancesAsync(CoopApp app) => ReadAsync(app, async db =>
        (await db.JournalLines.AsNoTracking().ToListAsync()).GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.DebitMinor - l.CreditMinor)));
}
