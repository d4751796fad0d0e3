using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coop.Data;
using Coop.Domain.Treasury;
using Coop.Web.Features.Treasury;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Treasury;

/// <summary>Faults and bad input: Stripe down, events for another cooperative, absurd amounts, racing transfers, lost webhooks, other tenants.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class TreasuryFaultTests(DatabaseProvider provider) : StripeAppFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>(StripeServer.Settings) { ["Stripe:ReconcileAfter"] = "00:00:00" };

    [Test]
    public async Task Stripe_down_gives_the_member_a_clear_message_and_records_nothing_as_paid()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var call = await t.CallOfAsync(App, "Chloé");
        StripeServer.FailNext = 500;
        var page = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{call.Id}/pay", new Dictionary<string, string>());
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(page.Contains("Le service de paiement ne répond pas pour l'instant. Rien n'a été prélevé ni enregistré"), Is.True);
        Assert.That(await t.ReadAsync(App, db => db.Payments.Select(p => p.Status).SingleAsync()), Is.EqualTo(PaymentStatus.Failed));
        Assert.That(await t.ReadAsync(App, db => db.JournalEntries.CountAsync(e => e.Source == EntrySource.Payment)), Is.Zero);
        Assert.That((await t.CallOfAsync(App, "Chloé")).PaidMinor, Is.Zero);
        // Stripe is back: the same button works.
        Assert.That((await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{call.Id}/pay", new Dictionary<string, string>())).Status, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task An_event_that_names_another_cooperative_is_refused()
    {
        var lilas = await TreasuryCoop.CreateAsync(App);
        var other = await TreasuryCoop.CreateAsync(App);
        var chloe = await lilas.Coop.SignInAsync(App, "Chloé");
        var session = await lilas.StartCheckoutAsync(App, StripeServer, chloe, "Chloé");
        // Sent from the other cooperative's connected account while our metadata names Les Lilas.
        var body = FakeStripe.Event("evt_cross", "checkout.session.completed", StripeServer.Complete(session), other.Account);
        using var response = await FakeStripe.SendAsync(App.CreateClient(), body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Is.EqualTo("Cet événement concerne une autre coopérative."));
        Assert.That(await lilas.ReadAsync(App, db => db.Payments.CountAsync(p => p.Status == PaymentStatus.Succeeded)), Is.Zero);
        Assert.That(await other.ReadAsync(App, db => db.Payments.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Bad_amounts_are_refused_with_a_message_and_nothing_is_recorded()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var david = await t.CallOfAsync(App, "David");
        var form = $"/c/{t.Slug}/treasury/payments/new?callId={david.Id}";
        var cases = new Dictionary<string, string>
        {
            ["-5"] = "Saisissez un montant positif",
            ["0"] = "Saisissez un montant positif",
            ["douze"] = "Saisissez un montant positif",
            ["12,345"] = "Saisissez un montant positif",
            ["99999999"] = "Saisissez un montant positif",
            ["31"] = "Ce montant dépasse ce qui reste dû sur cette cotisation.",
        };
        foreach (var (amount, message) in cases)
        {
            var page = await t.Ana.SubmitAsync(form, $"/c/{t.Slug}/treasury/payments", new Dictionary<string, string>
            {
                ["MemberId"] = david.MemberId.ToString(), ["Purpose"] = "Dues", ["CallId"] = david.Id.ToString(), ["Amount"] = amount, ["Method"] = "Cheque",
                ["Reference"] = "123", ["Date"] = "2026-03-01",
            });
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), amount);
            Assert.That(page.Contains(message), Is.True, amount);
        }
        Assert.That(await t.ReadAsync(App, db => db.Payments.CountAsync()), Is.Zero);

        // A refund larger than the payment.
        var ok = await t.Ana.SubmitAsync(form, $"/c/{t.Slug}/treasury/payments", new Dictionary<string, string>
        {
            ["MemberId"] = david.MemberId.ToString(), ["Purpose"] = "Dues", ["CallId"] = david.Id.ToString(), ["Amount"] = "30", ["Method"] = "Transfer",
            ["Reference"] = "VIR 2026-03", ["Date"] = "2026-03-01",
        });
        Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.Redirect));
        var paymentId = await t.ReadAsync(App, db => db.Payments.Select(p => p.Id).SingleAsync());
        var refund = await t.Ana.SubmitAsync($"/c/{t.Slug}/treasury/payments", $"/c/{t.Slug}/treasury/payments/{paymentId}/refund", new Dictionary<string, string> { ["Amount"] = "30,01" });
        Assert.That(refund.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refund.Contains("On ne peut pas rembourser plus que ce qui a été payé."), Is.True);
        Assert.That(await t.ReadAsync(App, db => db.Payments.Select(p => p.RefundedMinor).SingleAsync()), Is.Zero);
    }

    [Test]
    public async Task Concurrent_wallet_transfers_never_overdraw()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        // Chloé tops up 5,00 by card.
        var top = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/wallet/top-up", new Dictionary<string, string> { ["Amount"] = "5" });
        Assert.That(top.Status, Is.EqualTo(HttpStatusCode.Redirect), top.Html);
        var session = top.Location!.AbsolutePath.Split('/')[^1];
        Assert.That((await t.DeliverAsync(App, "evt_top", "checkout.session.completed", StripeServer.Complete(session))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var tooSmall = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/wallet/top-up", new Dictionary<string, string> { ["Amount"] = "2" });
        Assert.That(tooSmall.Contains("Ce montant est sous le minimum de recharge."), Is.True);

        // Twenty transfers of 0,50 at once, to two members: exactly ten go through.
        var to = new[] { t.Coop.Person("Bruno").Member.Id, t.Coop.Person("David").Member.Id };
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = t.Coop.Scope(App.Services);
            try
            {
                await scope.ServiceProvider.GetRequiredService<WalletDesk>().TransferAsync(t.Coop.Person("Chloé").Member.Id, to[i % 2], 50, TransferKind.Member, null, "merci", CancellationToken.None);
                return true;
            }
            catch (TreasuryException ex) when (ex.Message is "Treasury.WalletTooLow" or "Treasury.Busy") { return false; }
        }));
        var wallets = await t.ReadAsync(App, db => db.Wallets.AsNoTracking().ToDictionaryAsync(w => w.MemberId, w => w.BalanceMinor));
        var lines = await t.ReadAsync(App, db => db.JournalLines.AsNoTracking().Where(l => l.Account == LedgerAccount.Wallets).ToListAsync());
        Assert.That(wallets.Values, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(wallets.Values.Sum(), Is.EqualTo(500), "no money created or lost");
        Assert.That(results.Count(r => r) * 50, Is.EqualTo(500 - wallets[t.Coop.Person("Chloé").Member.Id]));
        foreach (var (member, balance) in wallets)
            Assert.That(-lines.Where(l => l.MemberId == member).Sum(l => l.DebitMinor - l.CreditMinor), Is.EqualTo(balance), "wallet = its sub-ledger");

        // Through the page, overdrawing gets a clear message.
        var page = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/wallet/transfer", new Dictionary<string, string>
        {
            ["ToMemberId"] = to[0].ToString(), ["Amount"] = "100",
        });
        Assert.That(page.Contains("Solde insuffisant : rien n'a été envoyé."), Is.True);
    }

    [Test]
    public async Task Reconciliation_settles_a_paid_checkout_whose_webhook_was_lost()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var session = await t.StartCheckoutAsync(App, StripeServer, chloe, "Chloé");
        var bruno = await t.Coop.SignInAsync(App, "Bruno");
        var abandoned = await t.StartCheckoutAsync(App, StripeServer, bruno, "Bruno");
        StripeServer.Complete(session);
        StripeServer.Session(abandoned)["status"] = "expired";
        await App.Services.GetRequiredService<TreasuryClock>().RunOnceAsync(CancellationToken.None);
        Assert.That((await t.CallOfAsync(App, "Chloé")).PaidMinor, Is.EqualTo(1_000));
        Assert.That(await t.ReadAsync(App, db => db.Payments.Where(p => p.CheckoutSessionId == abandoned).Select(p => p.Status).SingleAsync()), Is.EqualTo(PaymentStatus.Failed));
        Assert.That(StripeServer.Requests.Any(r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{session}" && r.Account == t.Account), Is.True);
        // The late webhook then finds nothing to do.
        await t.DeliverAsync(App, "evt_late", "checkout.session.completed", StripeServer.Session(session));
        Assert.That(await t.ReadAsync(App, db => db.JournalEntries.CountAsync(e => e.Source == EntrySource.Payment)), Is.EqualTo(1));
    }

    [Test]
    public async Task Dues_reminders_go_once_and_the_treasurers_click_sends_one_more()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var ours = t.Coop.People.Select(p => p.User.Email!).ToHashSet();
        IReadOnlyList<ReceivedMail> Ours() => App.Smtp.Mails.Where(m => m.To.Any(ours.Contains) && m.Subject.Contains("cotisation", StringComparison.Ordinal)).ToList();
        // This year's dues were called today: due today, so a "coming up" reminder, once.
        await App.Services.GetRequiredService<TreasuryClock>().RunOnceAsync(CancellationToken.None);
        await App.Services.GetRequiredService<TreasuryClock>().RunOnceAsync(CancellationToken.None);
        await App.DeliverMailAsync();
        Assert.That(Ours().Select(m => m.To.Single()).Order(), Is.EqualTo(ours.Order()), "one reminder per member, not two");
        var chloe = await t.CallOfAsync(App, "Chloé");
        var click = await t.Ana.SubmitAsync($"/c/{t.Slug}/treasury", $"/c/{t.Slug}/treasury/calls/{chloe.Id}/remind", new Dictionary<string, string>());
        Assert.That(click.Status, Is.EqualTo(HttpStatusCode.Redirect));
        await App.DeliverMailAsync();
        Assert.That(Ours().Count(m => m.To.Single() == t.Coop.Person("Chloé").User.Email), Is.EqualTo(2));
        Assert.That(Ours()[^1].Text, Does.Contain("10,00"));
    }

    [Test]
    public async Task Members_of_another_cooperative_see_nothing_and_members_cannot_reach_the_treasury()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var outsider = App.Visitor();
        await outsider.SignInAsync(World.MemberB.Email!, World.Password);
        foreach (var path in new[] { "dues", "treasury", "treasury/ledger", "treasury/journal.csv" })
            Assert.That((await outsider.GetAsync($"/c/{t.Slug}/{path}")).Status, Is.EqualTo(HttpStatusCode.Forbidden), path);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        Assert.That((await chloe.GetAsync($"/c/{t.Slug}/treasury")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var payment = await t.ReadAsync(App, db => db.Payments.CountAsync());
        Assert.That(payment, Is.Zero);

        var api = await App.ApiClientAsync(t.Coop.Person("Chloé").User.Email!);
        using var mine = await api.GetAsync($"/c/{t.Slug}/api/dues/mine");
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dues = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(dues.GetProperty("owedMinor").GetInt64(), Is.EqualTo(1_000));
        Assert.That(dues.GetProperty("calls")[0].GetProperty("status").GetString(), Is.EqualTo("Due"));
        using var forbidden = await api.GetAsync($"/c/{t.Slug}/api/treasury/payments");
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var treasurer = await App.ApiClientAsync(t.Coop.Admin.User.Email!);
        using var balance = await treasurer.GetAsync($"/c/{t.Slug}/api/treasury/trial-balance");
        var accounts = await balance.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(accounts.EnumerateArray().Sum(a => a.GetProperty("balanceMinor").GetInt64()), Is.Zero);
    }
}
