using System.Globalization;
using System.Text.Encodings.Web;
using Coop.Data;
using Coop.Data.Outbox;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Mail;

/// <summary>
/// A mail of the product: a subject, a greeting, one paragraph, an optional action link. Keys point into the
/// shared resources so every mail exists in French and English.
/// </summary>
public sealed record MailTemplate(string SubjectKey, string BodyKey, string? ActionKey);

/// <summary>
/// Writes mails to the outbox in the caller's unit of work: the mail is saved by the caller's SaveChanges, so it
/// exists exactly when the change that caused it does. Nothing is sent from a request thread.
/// </summary>
public sealed class Mailer(CoopDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public OutboxMessage Enqueue(string to, string culture, MailTemplate template, string recipientName, Uri? actionUrl, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var _ = new CultureScope(culture);
        var subject = string.Format(CultureInfo.CurrentCulture, l[template.SubjectKey], args);
        var greeting = string.Format(CultureInfo.CurrentCulture, l["Mail.Greeting"], recipientName);
        var body = string.Format(CultureInfo.CurrentCulture, l[template.BodyKey], args);
        var action = template.ActionKey is null ? actionUrl?.ToString() : l[template.ActionKey].Value;
        var signature = l["Mail.Signature"].Value;

        var text = $"{greeting}\n\n{body}\n\n" + (actionUrl is null ? string.Empty : $"{action}:\n{actionUrl}\n\n") + signature + "\n";
        var html = $"""
            <!doctype html><html lang="{culture}"><body>
            <p>{Encode(greeting)}</p><p>{Encode(body)}</p>
            {(actionUrl is null ? string.Empty : $"<p><a href=\"{Encode(actionUrl.ToString())}\">{Encode(action!)}</a></p>")}
            <p>{Encode(signature)}</p></body></html>
            """;
        var message = new OutboxMessage(db.TenantId, to, subject, text, html, clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        return message;
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
