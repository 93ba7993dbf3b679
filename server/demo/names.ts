/** Invented names and streets for the demo directory; any resemblance to real people is chance. */

export const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Claire', 'Anaïs', 'Pauline', 'Mathilde',
  'Élise', 'Hélène', 'Sophie', 'Nathalie', 'Isabelle', 'Aurélie', 'Céline', 'Laure', 'Marion', 'Lucie', 'Agathe', 'Jeanne',
  'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Hugo', 'Lucas', 'Louis', 'Paul', 'Arthur', 'Mathieu', 'Romain',
  'Pierre', 'Olivier', 'Laurent', 'Sébastien', 'Benoît', 'François', 'Guillaume', 'Vincent', 'Adrien', 'Bastien', 'Yann', 'Karim',
];

export const LAST_NAMES = [
  'Aubriot', 'Barthel', 'Becker', 'Bellanger', 'Bertrandy', 'Bichot', 'Blaisot', 'Bourgard', 'Brunnel', 'Chaudron',
  'Colinet', 'Courtil', 'Dagorn', 'Delacôte', 'Demange', 'Didelot', 'Dorvaux', 'Dufresnoy', 'Étienvre', 'Fabert',
  'Florentin', 'Gaspard', 'Gérardin', 'Grandjean', 'Guerber', 'Hamant', 'Hennequin', 'Hessler', 'Huguenin', 'Jacquemin',
  'Jeandel', 'Klein', 'Kremer', 'Lallemand', 'Lambinet', 'Laurentz', 'Lecomte', 'Lhuillier', 'Maire', 'Marchal',
  'Mathis', 'Meyer', 'Mougenot', 'Muller', 'Nicolay', 'Noirjean', 'Paquin', 'Perrin', 'Pierson', 'Poinsignon',
  'Racadot', 'Renaudin', 'Richier', 'Rolin', 'Schaeffer', 'Schmitt', 'Simonin', 'Thiébaut', 'Thirion', 'Toussaint',
  'Valentin', 'Vautrin', 'Voirin', 'Wagner', 'Weber', 'Willaume', 'Zimmer', 'Zeller', 'Adam', 'Gauthier',
];

export const STREETS = [
  'rue de la Gare', 'rue des Jardins', 'avenue de Strasbourg', 'rue du Général de Gaulle', 'place de la République',
  'rue des Écoles', 'rue de l’Église', 'rue des Vignes', 'rue du Moulin', 'allée des Tilleuls', 'rue de Verdun',
  'rue Pasteur', 'rue Victor Hugo', 'rue des Prés', 'chemin des Vergers', 'rue de la Moselle', 'rue Saint-Pierre',
  'boulevard de Trèves', 'rue du Château', 'rue de la Libération',
];

export const PLACE_NAMES = [
  'Les Tilleuls', 'Les Charmilles', 'Le Parc', 'Les Acacias', 'Saint-Joseph', 'La Roseraie', 'Les Glycines',
  'Le Haut-Chemin', 'Les Mirabelliers', 'La Source', 'Sainte-Croix', 'Les Coteaux', 'Le Clos Fleuri', 'Les Marronniers',
];
