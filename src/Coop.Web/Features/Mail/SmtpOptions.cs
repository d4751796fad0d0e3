namespace Coop.Web.Features.Mail;

/// <summary>SMTP settings (section <c>Mail</c>). With no <see cref="Host"/>, mail stays in the outbox (see /dev/mail in Development).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Coop <no-reply@coop.localhost>";
    /// <summary>Whether this node runs the background sender. Tests dispatch explicitly instead.</summary>
    public bool BackgroundSender { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    /// <summary>Absolute base URL used in links inside mails, e.g. https://coop.example.org.</summary>
    public string? PublicBaseUrl { get; set; }
}
