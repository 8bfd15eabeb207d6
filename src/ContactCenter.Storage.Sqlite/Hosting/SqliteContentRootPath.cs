using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Storage.Sqlite.Hosting;

/// <summary>
/// Resolves a relative <see cref="SqliteStorageOptions.DataSource"/> against the host's content root
/// (<see cref="IHostEnvironment.ContentRootPath"/>), as flow files are, instead of against whatever the current
/// directory is when the store opens; without a host environment the current directory stays the base.
/// </summary>
internal sealed class SqliteContentRootPath(IServiceProvider services) : IPostConfigureOptions<SqliteStorageOptions>
{
    public void PostConfigure(string? name, SqliteStorageOptions options)
    {
        var path = options.DataSource;
        if (string.IsNullOrWhiteSpace(path)
            || path.StartsWith(':')                                              // ":memory:"
            || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase)      // reported by the validator
            || Path.IsPathRooted(path)
            || services.GetService<IHostEnvironment>()?.ContentRootPath is not { Length: > 0 } root)
        {
            return;
        }

        options.DataSource = Path.Combine(root, path);
    }
}
