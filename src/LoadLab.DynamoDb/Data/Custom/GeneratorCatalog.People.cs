using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>Generators about people, places and organisations.</summary>
internal static partial class GeneratorCatalog
{
    private static IEnumerable<GeneratorSpec> People() =>
    [
        Text("name.firstName", f => f.Name.FirstName()),
        Text("name.lastName", f => f.Name.LastName()),
        Text("name.fullName", f => f.Name.FullName()),
        Text("name.prefix", f => f.Name.Prefix()),
        Text("name.suffix", f => f.Name.Suffix()),
        Text("name.jobTitle", f => f.Name.JobTitle(), pooled: true),
        Text("name.jobArea", f => f.Name.JobArea()),
        Text("name.jobType", f => f.Name.JobType()),

        Text("internet.email", f => f.Internet.Email()),
        Text("internet.exampleEmail", f => f.Internet.ExampleEmail()),
        Text("internet.userName", f => f.Internet.UserName()),
        Text("internet.domainName", f => f.Internet.DomainName()),
        Text("internet.domainWord", f => f.Internet.DomainWord()),
        Text("internet.url", f => f.Internet.Url()),
        Text("internet.ip", f => f.Internet.Ip()),
        Text("internet.ipv6", f => f.Internet.Ipv6()),
        Text("internet.mac", f => f.Internet.Mac()),
        Text("internet.userAgent", f => f.Internet.UserAgent(), pooled: true),
        Text("internet.color", f => f.Internet.Color()),
        Text("internet.protocol", f => f.Internet.Protocol()),

        Text("phone.phoneNumber", f => f.Phone.PhoneNumber()),

        Text("address.city", f => f.Address.City(), pooled: true),
        Text("address.streetAddress", f => f.Address.StreetAddress(), pooled: true),
        Text("address.streetName", f => f.Address.StreetName(), pooled: true),
        Text("address.fullAddress", f => f.Address.FullAddress(), pooled: true),
        Text("address.buildingNumber", f => f.Address.BuildingNumber()),
        Text("address.secondaryAddress", f => f.Address.SecondaryAddress()),
        Text("address.zipCode", f => f.Address.ZipCode()),
        Text("address.state", f => f.Address.State()),
        Text("address.stateAbbr", f => f.Address.StateAbbr()),
        Text("address.county", f => f.Address.County()),
        Text("address.country", f => f.Address.Country()),
        Text("address.countryCode", f => f.Address.CountryCode()),
        With("address.latitude", FieldKind.Number, [], _ => f => Number(f.Address.Latitude())),
        With("address.longitude", FieldKind.Number, [], _ => f => Number(f.Address.Longitude())),

        Text("company.companyName", f => f.Company.CompanyName(), pooled: true),
        Text("company.companySuffix", f => f.Company.CompanySuffix()),
        Text("company.catchPhrase", f => f.Company.CatchPhrase(), pooled: true),
        Text("company.bs", f => f.Company.Bs(), pooled: true),
    ];
}
