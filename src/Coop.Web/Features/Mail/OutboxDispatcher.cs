using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Coop.Data;
using Coop.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coop.Web.Features.Mail;

/// <summary>
/// Sends due outbox messages over SMTP. Each batch is claimed first (see <see cref="OutboxClaims"/>), so any
/// number of nodes can run this; a failure schedules a retry with exponential backoff.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>Sends one batch; returns how many were sent.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        if (!IsConfigured) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var batch = await OutboxClaims.ClaimDueAsync(db, clock.GetUtcNow(), BatchSize, ct);
        var sent = 0;
        using var smtp = CreateClient();
        foreach (var message in batch)
        {
            db.Attach(message);
            try
            {
                await smtp.SendMailAsync(ToMailMessage(message), ct);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (SmtpException ex)
            {
                message.MarkFailed(ex.Message, clock.GetUtcNow());
                logger.LogWarning(ex, "Mail {MessageId} failed (attempt {Attempt})", message.Id, message.Attempts);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private SmtpClient CreateClient()
    {
        var o = options.Value;
        var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        return client;
    }

    private MailMessage ToMailMessage(OutboxMessage message)
    {
        var mail = new MailMessage(new MailAddress(options.Value.From).Address, message.To)
        {
            Subject = message.Subject,
            From = new MailAddress(options.Value.From),
        };
        mail.Headers.Add("Message-ID", $"<{message.Id}@coop>");
        if (message.ListUnsubscribe is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail clients show their own "unsubscribe" button and POST to the link in one click.
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        return mail;
    }
}

/// <summary>Polls the outbox on every node that has <see cref="SmtpOptions.BackgroundSender"/> on.</summary>
public sealed class OutboxSenderService(OutboxDispatcher dispatcher, IOptions<SmtpOptions> options, ILogger<OutboxSenderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!dispatcher.IsConfigured || !options.Value.BackgroundSender) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                while (await dispatcher.DispatchOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(ex, "Outbox dispatch failed; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
