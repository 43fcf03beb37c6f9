global using Uitstroom.Domain.Vocabulary;
