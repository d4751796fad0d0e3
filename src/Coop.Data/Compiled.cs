using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Coop.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for hot paths, kept per model. EF Core binds a compiled query to
/// the first model it runs with, and a process may hold two (the test suite runs SQLite and PostgreSQL side by side),
/// so each model compiles its own. The cooperative's query filter applies as in any query of the context.
/// </summary>
public sealed class Compiled<TDelegate>(Func<TDelegate> compile) where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> _byModel = [];

    public TDelegate For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
