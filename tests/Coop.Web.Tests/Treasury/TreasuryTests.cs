using System.Net;
using System.Text.Json.Nodes;
using Coop.Data;
using Coop.Domain.Treasury;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Treasury;

/// <summary>Dues, payments and the books against a local Stripe-like server: what a treasurer and members see, and nothing counted twice.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class TreasuryTests(DatabaseProvider provider) : StripeAppFixture(provider)
{
    [Test]
    public async Task A_treasurers_month_balances_to_the_cent()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var year = DateTime.UtcNow.Year;

        // Chloé (users' college, reduced tariff) pays by card.
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var session = await t.StartCheckoutAsync(App, StripeServer, chloe, "Chloé");
        var created = StripeServer.Requests.Last(r => r.Path == "/v1/checkout/sessions");
        var payment = await t.ReadAsync(App, db => db.Payments.AsNoTracking().SingleAsync(p => p.CheckoutSessionId == session));
        Assert.Multiple(() =>
        {
            Assert.That(created.Account, Is.EqualTo(t.Account), "the cooperative is the merchant of record");
            Assert.That(created.IdempotencyKey, Is.EqualTo($"checkout-{payment.Id}"));
            Assert.That(created.Authorization, Is.EqualTo($"Bearer {FakeStripe.SecretKey}"));
            Assert.That(created.Form["mode"], Is.EqualTo("payment"));
            Assert.That(created.Form["line_items[0][price_data][unit_amount]"], Is.EqualTo("1000"));
            Assert.That(created.Form["line_items[0][price_data][currency]"], Is.EqualTo("eur"));
            Assert.That(created.Form["payment_method_types[1]"], Is.EqualTo("sepa_debit"));
            Assert.That(created.Form["metadata[tenant_id]"], Is.EqualTo(t.Coop.Tenant.Id.ToString()));
        });
        var paid = await t.DeliverAsync(App, "evt_card", "checkout.session.completed", StripeServer.Complete(session));
        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dues = await chloe.GetAsync($"/c/{t.Slug}/dues");
        Assert.That(dues.Contains("Vous êtes à jour de vos cotisations."), Is.True);
        Assert.That(dues.Contains($"Attestation n° {year}-000001"), Is.True);
        var back = await chloe.GetAsync($"/c/{t.Slug}/payments/{payment.Id}/return?session_id={session}");
        Assert.That(back.Contains("Merci ! Votre paiement de 10,00"), Is.True);

        // Bruno pays by SEPA debit: pending until the bank settles, days later.
        var bruno = await t.Coop.SignInAsync(App, "Bruno");
        var sepa = await t.StartCheckoutAsync(App, StripeServer, bruno, "Bruno");
        await t.DeliverAsync(App, "evt_sepa_1", "checkout.session.completed", StripeServer.Complete(sepa, paidNow: false));
        Assert.That((await bruno.GetAsync($"/c/{t.Slug}/dues")).Contains("Vous devez 30,00"), Is.True, "not paid until the debit settles");
        await t.DeliverAsync(App, "evt_sepa_2", "checkout.session.async_payment_succeeded", StripeServer.Session(sepa));
        Assert.That((await bruno.GetAsync($"/c/{t.Slug}/dues")).Contains("Vous êtes à jour"), Is.True);

        // David pays by cheque; Ana enters it and the attestation appears.
        var david = await t.CallOfAsync(App, "David");
        var cheque = await t.Ana.SubmitAsync($"/c/{t.Slug}/treasury/payments/new?callId={david.Id}", $"/c/{t.Slug}/treasury/payments", new Dictionary<string, string>
        {
            ["MemberId"] = david.MemberId.ToString(), ["Purpose"] = "Dues", ["CallId"] = david.Id.ToString(), ["Amount"] = "30,00", ["Method"] = "Cheque",
            ["Reference"] = "Chèque 0004521", ["Date"] = $"{year}-{DateTime.UtcNow.Month:D2}-02",
        });
        Assert.That(cheque.Status, Is.EqualTo(HttpStatusCode.Redirect), cheque.Html);
        var receipt = await t.Ana.GetAsync(cheque.Location!.OriginalString);
        Assert.That(receipt.Contains($"Attestation de paiement {year}-000003"), Is.True, receipt.Html);
        Assert.That(receipt.Contains("Chèque 0004521"), Is.True);

        // One refund: Chloé gets 4,00 back through Stripe.
        var refund = await t.Ana.SubmitAsync($"/c/{t.Slug}/treasury/payments", $"/c/{t.Slug}/treasury/payments/{payment.Id}/refund", new Dictionary<string, string> { ["Amount"] = "4" });
        Assert.That(refund.Status, Is.EqualTo(HttpStatusCode.Redirect), refund.Html);
        var refundRequest = StripeServer.Requests.Last(r => r.Path == "/v1/refunds");
        Assert.That(refundRequest.Form["amount"], Is.EqualTo("400"));
        Assert.That(refundRequest.Form["payment_intent"], Is.EqualTo("pi_" + session[3..]));
        Assert.That(refundRequest.IdempotencyKey, Is.Not.Empty);
        // Stripe then reports the refund; it is already in the books.
        await t.DeliverAsync(App, "evt_refund", "charge.refunded", FakeStripe.Charge("pi_" + session[3..], 400, payment.Id.ToString()));
        Assert.That((await chloe.GetAsync($"/c/{t.Slug}/dues")).Contains("Vous devez 4,00"), Is.True);

        // The trial balance: dues called 30 + 30 + 10 + 30 = 100; 10 + 30 by Stripe, 4 refunded; a cheque of 30; Ana owes 30 and Chloé 4.
        var balances = await t.BalancesAsync(App);
        Assert.That(balances.Values.Sum(), Is.Zero, "debits equal credits");
        Assert.That(balances[LedgerAccount.Dues], Is.EqualTo(-10_000));
        Assert.That(balances[LedgerAccount.Stripe], Is.EqualTo(3_600));
        Assert.That(balances[LedgerAccount.Cheques], Is.EqualTo(3_000));
        Assert.That(balances[LedgerAccount.Members], Is.EqualTo(3_400));
        var ledger = await t.Ana.GetAsync($"/c/{t.Slug}/treasury/ledger");
        foreach (var (account, balance) in balances.OrderBy(b => b.Key, StringComparer.Ordinal)) TestContext.Out.WriteLine($"{account} {balance / 100m,10:0.00}");
        Assert.That(ledger.Contains("Balance des comptes"), Is.True);
        var dashboard = await t.Ana.GetAsync($"/c/{t.Slug}/treasury");
        Assert.That(dashboard.Contains("34,00"), Is.True, "outstanding: Ana 30 + Chloé 4");

        var csv = await t.Ana.GetAsync($"/c/{t.Slug}/treasury/journal.csv");
        Assert.That(csv.Html, Does.Contain("4110"));
        var fec = await t.Ana.GetAsync($"/c/{t.Slug}/treasury/fec.txt");
        Assert.That(fec.Html.Split("\r\n")[0].Split('\t'), Has.Length.EqualTo(18));
    }

    [Test]
    public async Task Forged_altered_or_expired_webhooks_get_400_and_change_nothing()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var session = await t.StartCheckoutAsync(App, StripeServer, chloe, "Chloé");
        var body = FakeStripe.Event("evt_forged", "checkout.session.completed", StripeServer.Complete(session), t.Account);
        var client = App.CreateClient();
        using var forged = await FakeStripe.SendAsync(client, body, secret: "whsec_someone_else");
        using var expired = await FakeStripe.SendAsync(client, body, at: DateTimeOffset.UtcNow.AddSeconds(-301));
        using var altered = await FakeStripe.SendAsync(client, body.Replace("\"paid\"", "\"paid\" ", StringComparison.Ordinal), secret: "x");
        using var unsigned = await client.PostAsync("/webhooks/stripe", new StringContent(body));
        foreach (var response in new[] { forged, expired, altered, unsigned })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
        Assert.That(await t.ReadAsync(App, db => db.Payments.CountAsync(p => p.Status == PaymentStatus.Succeeded)), Is.Zero);
        using var fine = await FakeStripe.SendAsync(client, body, at: DateTimeOffset.UtcNow.AddSeconds(-290));
        Assert.That(fine.StatusCode, Is.EqualTo(HttpStatusCode.OK), "within the five-minute tolerance");
    }

    [Test]
    public async Task The_same_event_delivered_ten_times_at_once_has_one_effect()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var session = await t.StartCheckoutAsync(App, StripeServer, chloe, "Chloé");
        var body = FakeStripe.Event("evt_dup", "checkout.session.completed", StripeServer.Complete(session), t.Account);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => FakeStripe.SendAsync(App.CreateClient(), body)));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await t.ReadAsync(App, db => db.JournalEntries.CountAsync(e => e.Source == EntrySource.Payment)), Is.EqualTo(1));
        Assert.That(await t.ReadAsync(App, db => db.ProviderEvents.CountAsync()), Is.EqualTo(1));
        var call = await t.CallOfAsync(App, "Chloé");
        Assert.That(call.PaidMinor, Is.EqualTo(1_000));
    }

    /// <summary>Every order of the three events of a SEPA payment later partly refunded, each delivered twice; what came too early is retried, as Stripe does.</summary>
    [Test]
    public async Task Events_in_any_order_and_duplicated_reach_the_same_books()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var bruno = await t.Coop.SignInAsync(App, "Bruno");
        int[][] orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        var outcomes = new List<string>();
        foreach (var order in orders)
        {
            var session = await StartFreshAsync(t, bruno);
            var payment = await t.ReadAsync(App, db => db.Payments.AsNoTracking().SingleAsync(p => p.CheckoutSessionId == session));
            var completed = StripeServer.Complete(session, paidNow: false);
            var events = new (string Id, string Type, JsonObject Data)[]
            {
                ($"evt_{session}_c", "checkout.session.completed", completed),
                ($"evt_{session}_s", "checkout.session.async_payment_succeeded", completed),
                ($"evt_{session}_r", "charge.refunded", FakeStripe.Charge("pi_" + session[3..], 500, payment.Id.ToString())),
            };
            var retry = new List<int>();
            foreach (var i in order.Concat(order))
            {
                using var response = await t.DeliverAsync(App, events[i].Id, events[i].Type, events[i].Data);
                if (response.StatusCode != HttpStatusCode.OK) retry.Add(i);
            }
            foreach (var i in retry)
            {
                using var again = await t.DeliverAsync(App, events[i].Id, events[i].Type, events[i].Data);
                Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
            var settled = await t.ReadAsync(App, db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == payment.Id));
            var entries = await t.ReadAsync(App, db => db.JournalEntries.AsNoTracking().Where(e => e.SourceId == payment.Id).Include(e => e.Lines).ToListAsync());
            outcomes.Add($"{settled.Status} {settled.Method} refunded {settled.RefundedMinor} entries "
                + string.Join(",", entries.OrderBy(e => e.Source).Select(e => $"{e.Source}:{string.Join("+", e.Lines.OrderBy(l => l.Account).Select(l => $"{l.Account}{l.DebitMinor - l.CreditMinor}"))}")));
        }
        Assert.That(outcomes.Distinct().ToList(), Has.Count.EqualTo(1), string.Join("\n", outcomes));
        Assert.That(outcomes[0], Does.StartWith("Succeeded SepaDebit refunded 500"));
    }

    [Test]
    public async Task Recurring_dues_are_paid_by_each_invoice_once()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var call = await t.CallOfAsync(App, "Chloé");
        var started = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{call.Id}/subscribe", new Dictionary<string, string>());
        Assert.That(started.Status, Is.EqualTo(HttpStatusCode.Redirect), started.Html);
        var created = StripeServer.Requests.Last(r => r.Path == "/v1/checkout/sessions");
        Assert.Multiple(() =>
        {
            Assert.That(created.Form["mode"], Is.EqualTo("subscription"));
            Assert.That(created.Form["line_items[0][price_data][recurring][interval]"], Is.EqualTo("year"));
            Assert.That(created.Form["line_items[0][price_data][unit_amount]"], Is.EqualTo("1000"));
            Assert.That(created.Form["subscription_data[metadata][member_id]"], Is.EqualTo(call.MemberId.ToString()));
            Assert.That(created.Account, Is.EqualTo(t.Account));
        });
        var invoice = new JsonObject
        {
            ["id"] = "in_" + t.Slug, ["object"] = "invoice", ["amount_paid"] = 1_000, ["currency"] = "eur", ["payment_intent"] = "pi_in_" + t.Slug,
            ["subscription_details"] = new JsonObject { ["metadata"] = new JsonObject
            {
                ["tenant_id"] = t.Coop.Tenant.Id.ToString(), ["member_id"] = call.MemberId.ToString(), ["plan_id"] = call.PlanId.ToString(),
            } },
        };
        Assert.That((await t.DeliverAsync(App, "evt_inv_1", "invoice.paid", invoice)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await t.DeliverAsync(App, "evt_inv_1", "invoice.paid", invoice)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await t.CallOfAsync(App, "Chloé")).PaidMinor, Is.EqualTo(1_000));
        var payment = await t.ReadAsync(App, db => db.Payments.AsNoTracking().SingleAsync());
        Assert.That(payment.InvoiceId, Is.EqualTo("in_" + t.Slug));
        Assert.That(payment.Status, Is.EqualTo(PaymentStatus.Succeeded));
        Assert.That((await t.BalancesAsync(App))[LedgerAccount.Stripe], Is.EqualTo(1_000));
    }

    [Test]
    public async Task A_double_click_on_pay_opens_one_checkout()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var call = await t.CallOfAsync(App, "Chloé");
        var first = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{call.Id}/pay", new Dictionary<string, string>());
        var second = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{call.Id}/pay", new Dictionary<string, string>());
        Assert.That(second.Location, Is.EqualTo(first.Location));
        Assert.That(await t.ReadAsync(App, db => db.Payments.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Members_tip_an_author_and_support_a_project_from_their_wallet()
    {
        var t = await TreasuryCoop.CreateAsync(App);
        Guid post, space;
        await using (var scope = t.Coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var s = new Domain.Community.Space("Jardin partagé", "", Domain.Community.SpaceVisibility.Members, t.Coop.Admin.Member.Id, DateTimeOffset.UtcNow);
            var p = new Domain.Community.Post(s.Id, t.Coop.Person("Bruno").Member.Id, "Semis", "Qui veut des plants de tomates ?", DateTimeOffset.UtcNow);
            db.Spaces.Add(s);
            db.Posts.Add(p);
            await db.SaveChangesAsync();
            (post, space) = (p.Id, s.Id);
        }
        var chloe = await t.Coop.SignInAsync(App, "Chloé");
        var empty = await chloe.GetAsync($"/c/{t.Slug}/posts/{post}/support");
        Assert.That(empty.Contains("Votre porte-monnaie est vide"), Is.True);
        var top = await chloe.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/wallet/top-up", new Dictionary<string, string> { ["Amount"] = "5" });
        await t.DeliverAsync(App, "evt_top_tip", "checkout.session.completed", StripeServer.Complete(top.Location!.AbsolutePath.Split('/')[^1]));

        var tip = await chloe.SubmitAsync($"/c/{t.Slug}/posts/{post}/support", $"/c/{t.Slug}/posts/{post}/support", new Dictionary<string, string> { ["Amount"] = "0,50" });
        Assert.That(tip.Status, Is.EqualTo(HttpStatusCode.Redirect), tip.Html);
        var tooSmall = await chloe.SubmitAsync($"/c/{t.Slug}/spaces/{space}/support", $"/c/{t.Slug}/spaces/{space}/support", new Dictionary<string, string> { ["Amount"] = "0,05" });
        Assert.That(tooSmall.Contains("Le plus petit envoi est de 0,10."), Is.True);
        var project = await chloe.SubmitAsync($"/c/{t.Slug}/spaces/{space}/support", $"/c/{t.Slug}/spaces/{space}/support", new Dictionary<string, string> { ["Amount"] = "1" });
        Assert.That(project.Status, Is.EqualTo(HttpStatusCode.Redirect), project.Html);

        var bruno = await t.Coop.SignInAsync(App, "Bruno");
        Assert.That((await bruno.GetAsync($"/c/{t.Slug}/posts/{post}/support")).Status, Is.EqualTo(HttpStatusCode.NotFound), "one does not tip oneself");
        var dues = await bruno.GetAsync($"/c/{t.Slug}/dues");
        Assert.That(dues.Contains("Solde : 0,50"), Is.True);
        Assert.That(dues.Contains("0,50 € reçus de Chloé"), Is.True);
        var wallets = await t.ReadAsync(App, db => db.Wallets.AsNoTracking().ToDictionaryAsync(w => w.MemberId, w => w.BalanceMinor));
        Assert.That(wallets[t.Coop.Person("Chloé").Member.Id], Is.EqualTo(350));
        Assert.That((await t.BalancesAsync(App))[LedgerAccount.Donations], Is.EqualTo(-100), "the project's gift");
    }

    /// <summary>A new open call for Bruno (a plan of its own), and his checkout for it.</summary>
    private async Task<string> StartFreshAsync(TreasuryCoop t, PageClient member)
    {
        var brunoId = t.Coop.Person("Bruno").Member.Id;
        Guid callId;
        await using (var scope = t.Coop.Scope(App.Services))
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.CoopDbContext>();
            var start = new DateOnly(DateTime.UtcNow.Year, 1, 1);
            var plan = new DuesPlan($"Run {Guid.NewGuid():N}"[..12], DuesPeriod.Yearly, 0, start, 3_000, 30, DateTimeOffset.UtcNow);
            var call = new DuesCall(plan.Id, brunoId, start, start.AddYears(1).AddDays(-1), start, TariffKind.Standard, 3_000, DateTimeOffset.UtcNow);
            db.DuesPlans.Add(plan);
            db.DuesCalls.Add(call);
            await db.SaveChangesAsync();
            callId = call.Id;
        }
        var started = await member.SubmitAsync($"/c/{t.Slug}/dues", $"/c/{t.Slug}/dues/{callId}/pay", new Dictionary<string, string>());
        Assert.That(started.Status, Is.EqualTo(HttpStatusCode.Redirect), started.Html);
        return started.Location!.AbsolutePath.Split('/')[^1];
    }
}
