namespace Coop.Web.Features.Membership;

/// <summary>
/// Every controller action names one of these policies or is explicitly anonymous; a test fails otherwise.
/// Tenant policies read the member's roles from the database on each request, so revoking a role works at once.
/// </summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    /// <summary>Signed in, inside a cooperative, member or not (applying to join).</summary>
    public const string Visitor = "Tenant.SignedInVisitor";
    public const string Member = "Tenant.Member";
    public const string Moderator = "Tenant.Moderator";
    public const string Treasurer = "Tenant.Treasurer";
    public const string Admin = "Tenant.Admin";
    /// <summary>The register of associates: treasurers and admins.</summary>
    public const string Registrar = "Tenant.Registrar";
    public const string Operator = "Platform.Operator";
    public const string ApiSignedIn = "Api.SignedIn";
    public const string ApiMember = "Api.Tenant.Member";
    public const string ApiTreasurer = "Api.Tenant.Treasurer";
    public const string ApiAdmin = "Api.Tenant.Admin";
}
