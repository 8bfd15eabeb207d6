using ContactCenter.Hosting.Configuration;
using ContactCenter.Storage;
using ContactCenter.Storage.Sqlite;
using ContactCenter.Storage.Sqlite.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter;

/// <summary>Registers the embedded SQLite store on an <see cref="IContactCenterBuilder"/>.</summary>
public static class SqliteContactCenterBuilderExtensions
{
    /// <summary>
    /// Keeps the contact center's history in a SQLite file: registers <see cref="SqliteInteractionStore"/> as the
    /// singleton <see cref="IInteractionStore"/>, replacing any store registered before, and checks
    /// <see cref="SqliteStorageOptions"/> at start with the contact center's other options. Calling it again
    /// applies the new <paramref name="configure"/> on top of the earlier ones.
    /// </summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="configure">Sets the options, for example <see cref="SqliteStorageOptions.DataSource"/>. When the contact
    /// center was added to a host application builder, the <c>ContactCenter:Storage:Sqlite</c> configuration section is
    /// bound first (once), so <c>cc.UseSqliteStorage()</c> takes the path from <c>appsettings.json</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IContactCenterBuilder UseSqliteStorage(this IContactCenterBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SqliteStorageOptions>();
        if (builder.GetConfiguration() is { } configuration
            && !builder.Services.Any(d => d.ServiceType == typeof(SqliteStorageConfigurationCheck)))
        {
            // Once, first: ContactCenter:Storage:Sqlite from the host's configuration, then the code's configure calls.
            options.Bind(configuration.GetSection("Storage:Sqlite"));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(
            services => new SqliteInteractionStore(
                services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
                services.GetService<TimeProvider>() ?? TimeProvider.System)));
        if (!builder.Services.Any(d => d.ServiceType == typeof(SqliteStorageConfigurationCheck)))
        {
            builder.Services.AddSingleton<IPostConfigureOptions<SqliteStorageOptions>, SqliteContentRootPath>();
            builder.Services.AddSingleton<SqliteStorageConfigurationCheck>();
            builder.Services.AddSingleton<IContactCenterConfigurationCheck>(sp => sp.GetRequiredService<SqliteStorageConfigurationCheck>());
        }
        return builder;
    }

    /// <summary>
    /// Keeps the contact center's history in the SQLite file at <paramref name="path"/> (created with its folder when
    /// missing), with the default options otherwise. See <see cref="UseSqliteStorage(IContactCenterBuilder, Action{SqliteStorageOptions}?)"/>.
    /// </summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="path">The database file's path, for example <c>data/contactcenter.db</c>; a relative path is resolved
    /// against the host's content root (<c>IHostEnvironment.ContentRootPath</c>), or the current directory without a host.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IContactCenterBuilder UseSqliteStorage(this IContactCenterBuilder builder, string path)
        => builder.UseSqliteStorage(options => options.DataSource = path);
}
