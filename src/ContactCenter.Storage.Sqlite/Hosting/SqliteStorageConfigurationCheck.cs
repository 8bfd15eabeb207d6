using ContactCenter.Hosting.Configuration;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ContactCenter;

/// <summary>Reports the problems of <see cref="SqliteStorageOptions"/> at start, together with every other check's.</summary>
internal sealed class SqliteStorageConfigurationCheck(IOptions<SqliteStorageOptions> options) : IContactCenterConfigurationCheck
{
    public IEnumerable<string> Validate() => SqliteStorageOptionsValidator.Validate(options.Value);
}
