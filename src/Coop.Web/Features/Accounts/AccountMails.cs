using Coop.Data.Accounts;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Mail;

namespace Coop.Web.Features.Accounts;

/// <summary>The mails of the account life cycle, queued in the caller's unit of work.</summary>
public sealed class AccountMails(Mailer mailer, AccountLinks links)
{
    public static readonly MailTemplate Confirm = new("Mail.Confirm.Subject", "Mail.Confirm.Body", "Mail.Confirm.Action");
    public static readonly MailTemplate AlreadyRegistered = new("Mail.AlreadyRegistered.Subject", "Mail.AlreadyRegistered.Body", "Mail.AlreadyRegistered.Action");
    public static readonly MailTemplate Reset = new("Mail.Reset.Subject", "Mail.Reset.Body", "Mail.Reset.Action");

    public void SendConfirmation(CoopUser user, string pathAndQuery) =>
        mailer.Enqueue(user.Email!, CultureOf(user), Confirm, user.DisplayName, links.To(pathAndQuery));

    public void SendAlreadyRegistered(CoopUser user) =>
        mailer.Enqueue(user.Email!, CultureOf(user), AlreadyRegistered, user.DisplayName, links.To("/account/forgot-password"));

    public void SendPasswordReset(CoopUser user, string pathAndQuery) =>
        mailer.Enqueue(user.Email!, CultureOf(user), Reset, user.DisplayName, links.To(pathAndQuery));

    // The person's own choice, else the language of the page they were on, else French.
    private static string CultureOf(CoopUser user)
    {
        if (TenantLocale.IsSupported(user.PreferredLocale)) return user.PreferredLocale!;
        var current = System.Globalization.CultureInfo.CurrentUICulture.Name;
        return TenantLocale.IsSupported(current) ? current : TenantLocale.FrenchFrance;
    }
}
