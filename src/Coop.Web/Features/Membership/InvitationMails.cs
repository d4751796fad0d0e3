using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using Coop.Web.Features.Accounts;
using Coop.Web.Features.Mail;

namespace Coop.Web.Features.Membership;

/// <summary>Invitation mails, in the cooperative's language, queued in the caller's unit of work.</summary>
public sealed class InvitationMails(Mailer mailer, AccountLinks links)
{
    public static readonly MailTemplate FirstAdmin = new("Mail.FirstAdmin.Subject", "Mail.FirstAdmin.Body", "Mail.Invitation.Action");
    public static readonly MailTemplate Member = new("Mail.Invitation.Subject", "Mail.Invitation.Body", "Mail.Invitation.Action");

    public static string Path(Guid tenantId, string secret) => $"/invitations/{tenantId}/{secret}";

    public void SendFirstAdmin(Invitation invitation, string secret, Tenant tenant) =>
        mailer.Enqueue(invitation.Email, tenant.Locale, FirstAdmin, invitation.Email, links.To(Path(tenant.Id, secret)), tenant.Name);

    public void SendInvitation(Invitation invitation, string secret, Tenant tenant, string inviter) =>
        mailer.Enqueue(invitation.Email, tenant.Locale, Member, invitation.Email, links.To(Path(tenant.Id, secret)), tenant.Name, inviter);
}
