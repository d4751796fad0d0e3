using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

/// <summary>Sensible starting points per legal form; admins adjust them to what their statutes say.</summary>
public static class StatutesPresets
{
    public sealed record Preset(IReadOnlyList<VotingCollege> Colleges, IReadOnlyList<MemberCategory> Categories, bool ProxiesAllowed);

    public static Preset For(LegalForm form)
    {
        switch (form)
        {
            case LegalForm.Scic:
            {
                var workers = new VotingCollege("Salariés", 30);
                var users = new VotingCollege("Usagers et bénéficiaires", 40);
                var supporters = new VotingCollege("Soutiens et partenaires", 30);
                return new Preset([workers, users, supporters],
                [
                    new MemberCategory("Salariés", CategoryKind.Worker, 1, workers.Id),
                    new MemberCategory("Usagers", CategoryKind.User, 1, users.Id),
                    new MemberCategory("Bénévoles et soutiens", CategoryKind.Supporting, 1, supporters.Id),
                    new MemberCategory("Collectivités", CategoryKind.PublicBody, 10, supporters.Id),
                ], ProxiesAllowed: true);
            }
            case LegalForm.QuebecSolidarityCoop:
                return new Preset([],
                [
                    new MemberCategory("Membres utilisateurs", CategoryKind.User, 1, null),
                    new MemberCategory("Membres travailleurs", CategoryKind.Worker, 1, null),
                    new MemberCategory("Membres de soutien", CategoryKind.Supporting, 1, null),
                ], ProxiesAllowed: false);
            case LegalForm.Scop:
                return new Preset([],
                [
                    new MemberCategory("Associés salariés", CategoryKind.Worker, 1, null),
                    new MemberCategory("Associés extérieurs", CategoryKind.Supporting, 1, null),
                ], ProxiesAllowed: true);
            default:
                return new Preset([], [new MemberCategory("Membres", CategoryKind.User, 1, null)], ProxiesAllowed: true);
        }
    }
}
