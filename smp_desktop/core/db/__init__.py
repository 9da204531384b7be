"""Opening the studio database: engine settings, migrations, online backups."""
