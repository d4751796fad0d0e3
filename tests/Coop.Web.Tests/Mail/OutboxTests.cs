using System.Net;
using System.Net.Sockets;
using Coop.Data;
using Coop.Data.Outbox;
using Coop.Web.Features.Mail;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Mail;

[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class OutboxTests(DatabaseProvider provider) : AppFixture(provider)
{
    private async Task<List<string>> EnqueueAsync(int count)
    {
        var recipients = Enumerable.Range(0, count).Select(i => $"batch-{i}-{Guid.NewGuid():N}@test.coop").ToList();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        foreach (var to in recipients) mailer.Enqueue(to, "en", Features.Accounts.AccountMails.Confirm, "Test", new Uri("http://localhost/x"));
        await db.SaveChangesAsync();
        return recipients;
    }

    [Test]
    public async Task Concurrent_senders_deliver_each_mail_exactly_once()
    {
        var recipients = await EnqueueAsync(45);
        // Two "nodes" draining the outbox at the same time.
        async Task DrainAsync()
        {
            while (await App.DeliverMailAsync() > 0) { }
        }
        await Task.WhenAll(DrainAsync(), DrainAsync());
        foreach (var to in recipients) Assert.That(App.Smtp.To(to), Has.Count.EqualTo(1), to);
    }

    [Test]
    public async Task Mails_are_written_in_the_recipients_language()
    {
        var recipients = await EnqueueAsync(1);
        await App.DeliverMailAsync();
        var mail = App.Smtp.To(recipients[0]).Single();
        Assert.That(mail.Subject, Is.EqualTo("Confirm your e-mail address"));
        Assert.That(mail.Text, Does.Contain("Hello Test,"));
    }

    [Test]
    public async Task An_unreachable_smtp_server_schedules_a_retry_and_loses_nothing()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        await using var down = new CoopApp(App.Database, App.Smtp, new Dictionary<string, string?> { ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var recipients = await EnqueueAsync(1);

        Assert.That(await down.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None), Is.Zero);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.To == recipients[0]);
            Assert.That(message.SentAt, Is.Null);
            Assert.That(message.Attempts, Is.EqualTo(1));
            Assert.That(message.NextAttemptAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(20)));
            Assert.That(message.LastError, Is.Not.Null);
        }
        // Not due yet: a working sender leaves it for later instead of hammering.
        await App.DeliverMailAsync();
        Assert.That(App.Smtp.To(recipients[0]), Is.Empty);
    }

    [Test]
    public void Backoff_grows_and_gives_up_after_the_maximum()
    {
        var message = new OutboxMessage(null, "x@test.coop", "s", "t", "h", DateTimeOffset.UnixEpoch);
        var delays = new List<double>();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            message.MarkFailed("down", DateTimeOffset.UnixEpoch);
            delays.Add((message.NextAttemptAt - DateTimeOffset.UnixEpoch).TotalSeconds);
        }
        Assert.That(delays, Is.Ordered);
        Assert.That(delays[0], Is.EqualTo(30));
        Assert.That(message.Abandoned, Is.True);
    }
}
